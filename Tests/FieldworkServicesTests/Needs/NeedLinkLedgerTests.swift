import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Need–solution links travel in the codings files: written on every change, taken in by ingest,
/// the latest change winning, a removal never undone by an older file.
@Suite struct NeedLinkLedgerTests {
    private func file(_ workspace: TemporaryWorkspace, _ person: String) throws -> String {
        try String(contentsOf: workspace.root.appending(path: CodingLedger.relativePath(for: person)), encoding: .utf8)
    }

    /// What `git pull` does for a colleague's file.
    private func copy(_ person: String, from source: TemporaryWorkspace, to target: TemporaryWorkspace) throws {
        let path = CodingLedger.relativePath(for: person)
        try target.write(path, bytes: try Data(contentsOf: source.root.appending(path: path)))
    }

    private func linked(_ workspace: TemporaryWorkspace) async throws -> [String] {
        try await workspace.store.needLinks(needID: nil).map { "\($0.needID)>\($0.solutionID):\($0.rationale)" }
    }

    @Test func aLinkAndItsRemovalAreWrittenToTheChangersFiles() async throws {
        let workspace = try await NeedsRegisterTests.workspace()
        let links = workspace.context.needLinks
        _ = try await links.link(need: "need.safety.night", solution: "door-sensor", rationale: "Nattlig tillsyn", coder: "Greta")
        let greta = try file(workspace, "Greta")
        #expect(greta.contains("\"type\":\"need_link\"") && greta.contains("\"solution\":\"door-sensor\"") && greta.contains("Nattlig tillsyn"))
        _ = try await links.unlink(need: "need.safety.night", solution: "door-sensor", by: "Dan")
        // The removal is Dan's change: in Dan's file; Greta's keeps her link as she left it.
        let dan = try file(workspace, "Dan")
        #expect(dan.contains("\"type\":\"need_link\"") && dan.contains("\"removed\":{\"at\":") && dan.contains("\"by\":\"Dan\""))
        #expect(try file(workspace, "Greta") == greta)
        await #expect(throws: NeedLinkError.noSuchLink("need.safety.night", "door-sensor")) {
            _ = try await links.unlink(need: "need.safety.night", solution: "door-sensor", by: "Dan")
        }
    }

    /// A colleague's links arrive with their file (or a deleted `.fieldwork/` is rebuilt): the
    /// live ones are linked, the removed ones stay removed.
    @Test func ingestTakesInLinksAndRemovalsFromTheFiles() async throws {
        let here = try await NeedsRegisterTests.workspace()
        _ = try await here.context.needLinks.link(need: "need.safety.night", solution: "door-sensor", rationale: "Nattlig tillsyn",
                                                 status: .piloted, coder: "Greta")
        _ = try await here.context.needLinks.link(need: "need.safety", solution: "smart-plug", rationale: "Kontakt", coder: "Greta")
        _ = try await here.context.needLinks.unlink(need: "need.safety", solution: "smart-plug", by: "Dan")
        let there = try await NeedsRegisterTests.workspace()
        try copy("Greta", from: here, to: there)
        try copy("Dan", from: here, to: there)
        let summary = try await there.ingest()
        #expect(summary.problems.isEmpty && summary.ledger.taken == 2)
        #expect(try await linked(there) == ["need.safety.night>door-sensor:Nattlig tillsyn"])
        #expect(try await there.store.needLinks(needID: "need.safety.night").first?.status == .piloted)
        #expect(try await there.store.needLinkRecords().first { $0.solution == "smart-plug" }?.removed?.by == "Dan")
        // Nothing left to do: the same files give no change the next time.
        let again = try await there.ingest()
        #expect(again.ledger.taken == 0 && again.ledger.written == 0)
    }

    @Test func theLatestChangeWinsOnBothMachines() async throws {
        let greta = try await NeedsRegisterTests.workspace()
        let dan = try await NeedsRegisterTests.workspace()
        let start = Date()
        _ = try await greta.context.needLinks.link(need: "need.safety.night", solution: "door-sensor", rationale: "Nattlig tillsyn",
                                                 coder: "Greta", at: start)
        try copy("Greta", from: greta, to: dan)
        _ = try await dan.ingest()
        // Dan removes it later; Greta's older link in her file does not bring it back, here or there.
        _ = try await dan.context.needLinks.unlink(need: "need.safety.night", solution: "door-sensor", by: "Dan",
                                                 at: start.addingTimeInterval(60))
        _ = try await dan.ingest()
        #expect(try await linked(dan).isEmpty)
        try copy("Dan", from: dan, to: greta)
        _ = try await greta.ingest()
        #expect(try await linked(greta).isEmpty)
        // Greta links it again, later still, with a new rationale: back on both machines.
        _ = try await greta.context.needLinks.link(need: "need.safety.night", solution: "door-sensor", rationale: "Piloted after all",
                                                 coder: "Greta", at: start.addingTimeInterval(120))
        try copy("Greta", from: greta, to: dan)
        _ = try await dan.ingest()
        #expect(try await linked(dan) == ["need.safety.night>door-sensor:Piloted after all"])
        #expect(try await linked(greta) == ["need.safety.night>door-sensor:Piloted after all"])
    }

    /// A link no file holds (made before links travelled, or a file write that failed) is written
    /// out by the next ingest, once.
    @Test func aLinkNoFileHoldsIsWrittenOutByIngest() async throws {
        let workspace = try await NeedsRegisterTests.workspace()
        try await workspace.store.saveNeedLink(NeedSolutionLink(needID: "need.safety.night", solutionID: "door-sensor",
                                                                rationale: "Från före filerna", linkedBy: "Cecilia", linkedAt: Date()))
        let first = try await workspace.ingest()
        #expect(first.ledger.written == 1)
        #expect(try file(workspace, "Cecilia").contains("Från före filerna"))
        let second = try await workspace.ingest()
        #expect(second.ledger.written == 0 && second.ledger.taken == 0)
    }

    /// A colleague's link to a solution or need this workspace does not know is kept, and ingest
    /// says so with the file and line that hold it.
    @Test func aLinkToSomethingUnknownIsKeptAndNamedWithFileAndLine() async throws {
        let workspace = try await NeedsRegisterTests.workspace()
        let link = #"{"linked_at":"2026-11-30T13:05:12.400Z","linked_by":"Greta","need":"need.safety.night","rationale":"r","solution":"teleport","status":"candidate","type":"need_link"}"#
        let barrier = #"{"linked_at":"2026-11-30T13:05:12.400Z","linked_by":"Greta","need":"barrier.cost","rationale":"r","solution":"door-sensor","status":"candidate","type":"need_link"}"#
        try workspace.write(CodingLedger.relativePath(for: "Greta"), barrier + "\n" + link + "\n")
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty)
        #expect(summary.warnings.map(\.description).filter { $0.contains("need link") } == [
            "codings/greta.jsonl:1: need link barrier.cost > door-sensor: 'barrier.cost' is a barrier code, not a need (kept)",
            "codings/greta.jsonl:2: need link need.safety.night > teleport: no solution 'teleport' in codebooks/solutions.yaml (kept)",
        ])
        #expect(try await linked(workspace).count == 2)
    }
}
