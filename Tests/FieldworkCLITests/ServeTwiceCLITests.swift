import FieldworkTestSupport
import Foundation
import Testing

/// A second `fieldwork serve` on a workspace started while one ran and overwrote the lock's note,
/// so later refusals (restore, erase) named the second process after it had gone (found by a new
/// user). It is refused at once, naming the running server; a read-only server may still run
/// beside it and leaves the note alone.
@Suite struct ServeTwiceCLITests {
    @Test func aSecondServerIsRefusedNamingTheRunningOne() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(telemetry: false))
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let first = try await RunningServer.start(workspace: cli.workspace)
        defer { first.stop() }
        let named = "(pid \(first.process.processIdentifier), http://127.0.0.1:\(first.port)/)"

        // Started as the first was: it must end without an address (it served, before).
        let log = cli.workspace.appending(path: "second-serve.log")
        await #expect(throws: CLIError.self) { try await RunningServer.start(workspace: cli.workspace, standardError: log) }
        let refusal = try String(contentsOf: log, encoding: .utf8)
        #expect(refusal.contains("Error: a fieldwork server is already running on this workspace \(named): use that one, "
                                 + "or stop it (Ctrl-C) before starting another"), "\(refusal)")

        let reader = try await RunningServer.start(workspace: cli.workspace, arguments: ["--read-only"])
        defer { reader.stop() }
        #expect(reader.banner.contains("Read-only (--read-only)"), "\(reader.banner)")
        let erase = try await cli.run("erase", "R07", "--yes")
        #expect(erase.status != 0)
        #expect(erase.stderr.contains("Error: a fieldwork server is running on this workspace \(named); stop it"), "\(erase.stderr)")
    }
}
