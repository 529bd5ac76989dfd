import FieldworkTestSupport
import Foundation
import GRDB
import Testing

/// A long `telemetry import` beside other writers (issue 14, defect 3): it used to parse and
/// write inside one transaction, so a running server's coding writes waited behind it and failed
/// after the 5 s busy timeout. Now it commits in short transactions: other processes' writes go
/// through while it runs, and it stays all or nothing, also when it is killed.
///
/// `make test` runs this suite alone (`ALONE_SUITES` in the Makefile): beside 15 other tests on
/// two cores, the processes it starts may get too little CPU to interleave at all (CI, session 15).
///
/// SQLite only: the test finds the import halfway by the readings it has committed so far. On
/// PostgreSQL an import is one transaction (nothing visible before it commits, a killed one rolled
/// back by the server); `PostgresOnlyTests.writesGoThroughWhileATelemetryImportStoresItsReadings`
/// proves the same property there.
@Suite(.serialized, .enabled(if: TestStore.isSQLite, "SQLite's short import transactions: on PostgreSQL nothing of an import is visible before it commits"))
struct TelemetryImportConcurrencyTests {
    let workspace: URL
    let cli: CLIRunner
    // Long enough (several seconds) that a loaded machine still runs a few commands during the import.
    let readings = 150_000

    init() async throws {
        // Without the pilot's readings, which ingest would take in: the test counts big.csv's.
        workspace = try CLIRunner.sampleWorkspaceCopy(telemetry: false)
        cli = CLIRunner(workspace: workspace)
        #expect(try await cli.run("ingest").status == 0)
        // One reading a second from R01's kettle plug (telemetry consent given), from 2025-08-29.
        var csv = "device,time,metric,value,unit\n"
        for second in 0..<readings { csv += "r01-plug-kettle,\(1_756_425_600 + second),power,\(second % 2000),W\n" }
        try csv.write(to: workspace.appending(path: "big.csv"), atomically: true, encoding: .utf8)
    }

    private func startImport() throws -> Process {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["--workspace", workspace.path, "telemetry", "import", workspace.appending(path: "big.csv").path]
        process.environment = ProcessInfo.processInfo.environment.merging(try TestStore.environment(forWorkspace: workspace)) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Readings of the kettle plug visible to another process right now.
    private func visibleReadings() async throws -> Int {
        let summary = try #require(try await cli.json("telemetry", "summary", "--device", "r01-plug-kettle", "--no-events") as? [String: Any])
        let rows = try #require(summary["rows"] as? [[String: Any]])
        return rows.compactMap { $0["count"] as? Int }.reduce(0, +)
    }

    /// Readings committed so far, read from the database file itself: a CLI command for every
    /// look would spend much of the import's time on a loaded machine (CI has two cores).
    private func readOnlyDatabase() throws -> DatabaseQueue {
        var readOnly = Configuration()
        readOnly.readonly = true
        return try DatabaseQueue(path: workspace.appending(path: ".fieldwork/fieldwork.sqlite").path, configuration: readOnly)
    }

    private func committedReadings(_ database: DatabaseQueue) throws -> Int {
        try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM reading") ?? 0 }
    }

    @Test func codingWritesFromAnotherProcessSucceedWhileAnImportRuns() async throws {
        let database = try readOnlyDatabase()
        let before = try committedReadings(database)
        let importer = try startImport()
        var writes = 0, interleaved = 0
        while importer.isRunning {
            // Write once the import has committed part of its readings: a loaded machine may
            // run only a few commands during it, and a write before its first commit proves nothing.
            guard try committedReadings(database) > before else {
                try await Task.sleep(for: .milliseconds(5))
                continue
            }
            // Inside R01's first turn (116–701), away from any speaker label (a label alone is refused).
            let start = 116 + writes * 3
            let add = try await cli.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(start + 2)",
                                  "--code", "need.safety", "--coder", "Maja L.")
            #expect(add.status == 0, "a coding write failed while the import ran: \(add.stderr)")
            writes += 1
            // Stored after the import's first commit and before its last: between its transactions.
            if try committedReadings(database) < before + readings { interleaved += 1 }
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(interleaved > 0, "no write went through between the import's transactions")
        #expect(try await visibleReadings() == before + readings)
        let codings = try #require(try await cli.json("code", "list", "--coder", "Maja L.") as? [Any])
        #expect(codings.count >= writes)
    }

    @Test func anImportKilledHalfwayIsTakenBackByTheNextCommand() async throws {
        let database = try readOnlyDatabase()
        let before = try await visibleReadings()
        let importer = try startImport()
        var partial = 0
        while importer.isRunning, partial == 0 {
            partial = try committedReadings(database) - before
        }
        try #require(partial > 0 && importer.isRunning, "the import ended before it could be caught halfway")
        kill(importer.processIdentifier, SIGKILL)
        importer.waitUntilExit()
        #expect(importer.terminationReason == .uncaughtSignal)
        // The next command to open the database finds the import unattended and takes it back.
        #expect(try await visibleReadings() == before)
        // Importing again stores the whole file once.
        #expect(try await cli.run("telemetry", "import", workspace.appending(path: "big.csv").path).status == 0)
        #expect(try await visibleReadings() == before + readings)
    }
}
