import ArgumentParser
import FieldworkCore
import FieldworkServices

struct SolutionsCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate codebooks/solutions.yaml and corpus/devices.yaml; names file and line of every problem.")

    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        let report = try await workspace.open().solutionsCheck.run()
        for problem in report.problems {
            printError(problem.description)
        }
        guard report.problems.isEmpty else {
            printError("\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") in the catalogue")
            throw ExitCode.failure
        }
        print("solutions OK: \(report.solutions) solutions, \(report.devices) devices")
    }
}
