import ArgumentParser
import FieldworkExchange
import FieldworkServices
import Foundation

struct ImportCodebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Add the codes of a REFI-QDA codebook (.qdc) that the codebook does not have yet.",
        discussion: """
            Codes match by GUID (codes exported from Fieldwork) or by name; matched codes are left as they are. \
            New codes go into the codebook YAML under their parent's counterpart, with ids made from their names.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var flags: ImportFlags
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("The codebook file (from the current folder, else inside the workspace).", valueName: "FILE.qdc"))
    var file: String

    func run() async throws {
        let context = try workspace.open()
        let url = workspace.inputFile(file)
        let report = try await CodebookImport(context: context).run(
            url, options: ImportOptions(coder: "", dryRun: flags.dryRun, strict: flags.strict))
        if report.written {
            try await context.recordImport("codebook", from: url, counts: ["codes_added": report.codesAdded.count])
        }
        try ImportReportOutput.print(report, json: output.json)
    }
}
