import ArgumentParser
import FieldworkExchange
import FieldworkServices
import Foundation

struct ImportQDPXCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx",
        abstract: "Import codings, new codes and memos from a REFI-QDA project (.qdpx).",
        discussion: """
            Sources are mapped to documents by their text (after NFC and line-ending normalisation it must \
            equal a document's plain text); a source no document matches becomes a new corpus file \
            corpus/ID.md (unless --match-only). Positions are checked against each selection's quote and \
            read as code points, UTF-16 or CRLF-as-one, whichever fits the source. Codes map by GUID or name, new codes are added to the codebook YAML. \
            Codings and memos are written in one transaction, all or nothing. Everything that could not be \
            mapped is listed; exit status 1 if anything was.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions
    @OptionGroup var flags: ImportFlags
    @OptionGroup var output: OutputOptions

    @Flag(help: "Only map sources to existing documents; create no corpus files for the others.")
    var matchOnly = false

    @Flag(help: "Add the project's new codes to the codebook and nothing else (no documents, codings or memos).")
    var codesOnly = false

    @Argument(help: ArgumentHelp("The project file (from the current folder, else inside the workspace).", valueName: "FILE.qdpx"))
    var file: String

    func run() async throws {
        let context = try workspace.open()
        let url = workspace.inputFile(file)
        let report = try await QDPXImport(context: context).run(
            url, options: ImportOptions(coder: coder.name, dryRun: flags.dryRun, strict: flags.strict, matchOnly: matchOnly,
                                                     codesOnly: codesOnly))
        if report.written {
            try await context.recordImport("qdpx", from: url, counts: [
                "codings": report.codingsImported, "memos": report.memosImported, "codes_added": report.codesAdded.count,
            ])
        }
        try ImportReportOutput.print(report, json: output.json)
    }
}

/// Prints an import report and sets the exit status.
enum ImportReportOutput {
    static func print(_ report: ImportReport, json: Bool) throws {
        if json {
            try JSONOutput.print(report)
        } else {
            report.lines.forEach { Swift.print($0) }
        }
        if !report.isComplete { throw ExitCode.failure }
    }
}
