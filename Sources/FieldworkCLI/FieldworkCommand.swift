import ArgumentParser
import FieldworkServices

/// The `fieldwork` command: its subcommands, one per file.
public struct FieldworkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fieldwork",
        abstract: "A workbench for interview and co-creation research: ingest, code, search, export.",
        version: "0.1.0",
        subcommands: [
            InitCommand.self, IngestCommand.self, ServeCommand.self, StatusCommand.self, DocumentsCommand.self, SegmentsCommand.self,
            CodeCommand.self, SearchCommand.self, CodebookCommand.self, ExportCommand.self, ImportCommand.self,
            AgreementCommand.self, AdjudicateCommand.self, NeedsCommand.self, RegisterCommand.self, LinkCommand.self, UnlinkCommand.self, SolutionsCommand.self, TelemetryCommand.self, HandoutCommand.self, ReportCommand.self,
            BackupCommand.self, RestoreCommand.self, AuditCommand.self, EraseCommand.self,
            ConsentCommand.self, RedactCommand.self, CheckCommand.self, AccountCommand.self, StoreCommand.self,
        ]
    )

    /// Accepted before the subcommand too (`fieldwork --workspace DIR status`).
    @OptionGroup var workspace: WorkspaceOptions

    public init() {}

    /// ArgumentParser's own `main`, but a file error from Foundation is said in one line
    /// (`PATH: no such file`): it printed `Error Domain=NSCocoaErrorDomain Code=260 "…" UserInfo={…}`.
    /// A dash-led search word is a query word, not options (`SearchCommand.dashLedWordsAsQuery`),
    /// and a `ValidationError` from a subcommand's run shows its usage (`SubcommandUsage`).
    public static func main() async {
        var command: ParsableCommand
        do {
            command = try parseAsRoot(SearchCommand.dashLedWordsAsQuery(Array(CommandLine.arguments.dropFirst())))
        } catch {
            exit(withError: error)
        }
        do {
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            printError(SubcommandUsage.message(error, of: type(of: command)))
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: PlainFileError.wrapping(error))
        }
    }
}
