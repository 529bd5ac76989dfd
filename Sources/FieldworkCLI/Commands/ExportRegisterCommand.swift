import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ExportRegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "The policy-lab register as CSV: one row per proposal with status, owner, dates, what it answers and its history.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.csv"))
    var out: String = "exports/register.csv"

    @Flag(help: "For the city: residents counted below the workspace's minimum (fieldwork.yaml, default 5) as \"< k\".")
    var forPublication = false

    func run() async throws {
        let context = try workspace.open()
        let cells = forPublication ? try context.workspace.settings().smallCells : nil
        let redactions = try context.workspace.redactions()
        let result = try await context.policyLabRegisterExport.render(smallCells: cells)
        for problem in result.problems { printError("warning: \(problem)") }
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        var metadata = result.metadata
        try ExportFile.write(metadata.redact(result.csv, with: redactions), to: url)
        try metadata.writeSidecar(for: url)
        try await context.recordExport("register", to: url, counts: ["proposals": result.proposals], metadata: ["consent_summary": metadata.summary])
        printExported("wrote \(result.proposals) proposal\(result.proposals == 1 ? "" : "s") to \(url.path)"
                      + (cells.map { "; counts below \($0.k) shown as \"< \($0.k)\"" } ?? ""), consent: metadata.summary)
    }
}
