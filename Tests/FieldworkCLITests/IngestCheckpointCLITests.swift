import Foundation
import GRDB
import Testing

/// `fieldwork ingest` copies the SQLite log back into the database file from a connection of
/// its own while its commits go on, and copies what is left before it exits: what it ingested
/// is in the database file itself, even while another process keeps the database open (then
/// SQLite's own copy when the last connection closes does not happen).
@Suite struct IngestCheckpointCLITests {
    @Test func whatAnIngestWroteIsInTheDatabaseFileWhenItExits() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy(telemetry: false)
        defer { try? FileManager.default.removeItem(at: workspace) }
        // The workspace's own SQLite file, also in the PostgreSQL pass.
        let cli = CLIRunner(workspace: workspace)
        let sqlite = ["FIELDWORK_STORE": ""]
        #expect(try await cli.run("ingest", environment: sqlite).status == 0)
        let path = workspace.appending(path: ".fieldwork/fieldwork.sqlite").path
        let held = try DatabaseQueue(path: path)
        let before = try await held.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM document") ?? 0 }

        try """
            ---
            id: int-checkpoint
            type: interview
            title: Efter larmet
            date: 2025-04-02
            language: sv
            participants: [R02]
            interviewer: A. Lind
            administrations: [care]
            ---
            **R02:** Jag vill veta att någon kommer.
            """.write(to: workspace.appending(path: "corpus/interviews/int-checkpoint.md"), atomically: true, encoding: .utf8)
        let second = try await cli.run("ingest", environment: sqlite)
        #expect(second.status == 0, "\(second.stderr)")

        // The database file alone, without its log: a copy of it holds the new document.
        let copy = FileManager.default.temporaryDirectory.appending(path: "fieldwork-copy-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(atPath: path, toPath: copy.path)
        let alone = try DatabaseQueue(path: copy.path)
        #expect(try await alone.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM document") } == before + 1)
        #expect(try await alone.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        try held.close()
    }
}
