import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct StoreCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy the workspace's study into an empty PostgreSQL database (--to), or back from one (--from).",
        discussion: """
            Everything that makes the study goes across: documents and their file states, segments, codes, \
            codings with their history, memos, participants and consent receipts, need links, the codings \
            ledger, the audit head and accounts; ids and times as they are. The target must be empty (a \
            PostgreSQL database that holds nothing, or a workspace whose SQLite file holds nothing): a study \
            is never overwritten. Rows and a SHA-256 checksum per table are computed on both sides; if any \
            differ, nothing is kept. The password comes from PGPASSWORD.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Copy into this empty PostgreSQL database.", valueName: "postgresql://USER@HOST[:PORT]/DATABASE"))
    var to: String?

    @Option(help: ArgumentHelp("Copy from this PostgreSQL database into the workspace's empty SQLite file.",
                               valueName: "postgresql://USER@HOST[:PORT]/DATABASE"))
    var from: String?

    func validate() throws {
        guard (to == nil) != (from == nil) else { throw ValidationError("give one of --to and --from") }
        let url = to ?? from ?? ""
        guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
            throw ValidationError("--\(to == nil ? "from" : "to") must be a postgresql:// URL")
        }
    }

    func run() async throws {
        let service = StoreCopyService(workspace: try workspace.openWorkspace())
        let report: StoreCopyReport
        do {
            report = if let to { try await service.copy(to: to) } else { try await service.copy(from: from ?? "") }
        } catch let error as ServerLockError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
        if output.json {
            try JSONOutput.print(report)
            return
        }
        // Not `TableOutput`: it clips long cells, and a checksum is only useful whole.
        let width = report.target.entries.map(\.table.count).max() ?? 5
        let rowsWidth = max(4, report.target.entries.map { "\($0.rows)".count }.max() ?? 4)
        func line(_ table: String, _ rows: String, _ checksum: String) -> String {
            table.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + String(repeating: " ", count: max(0, rowsWidth - rows.count)) + rows + "  " + checksum
        }
        print(line("table", "rows", "sha-256 (source = target)"))
        for entry in report.target.entries { print(line(entry.table, "\(entry.rows)", entry.checksum)) }
        let place = report.direction == "to" ? "into \(report.store)" : "from \(report.store) into this workspace"
        print("copied \(report.rows) rows \(place); rows and checksums are equal on both sides")
    }
}
