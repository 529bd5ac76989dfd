import ArgumentParser
import FieldworkCore
import FieldworkServices

struct CodebookCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the codebook YAML files: keys, ids, duplicates, kinds, colours; names file and line.")

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let context = try workspace.open()
        let report = try await context.codebookCheck.run()
        for problem in report.problems {
            printError(problem.description)
        }
        guard report.problems.isEmpty else {
            printError("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in the codebook")
            throw ExitCode.failure
        }
        print("codebook OK: \(report.codes) codes in \(report.files) file\(report.files == 1 ? "" : "s")")
    }
}
