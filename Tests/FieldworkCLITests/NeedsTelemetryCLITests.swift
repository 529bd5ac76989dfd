import Foundation
import Testing

/// `solutions check`, `telemetry import/summary`, `link` and `needs` through the real binary.
@Suite(.serialized) struct NeedsTelemetryCLITests {
    /// Linking again replaces a colleague's link: the CLI says whose and what it was, and keeps
    /// its status unless asked (a new user's `link` quietly turned Maja Lind's `piloted` link into
    /// a `candidate` of their own).
    @Test func linkingAgainSaysWhoseLinkItReplacesAndKeepsItsStatus() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let kept = try await cli.run("link", "need.safety.night", "door-sensor", "--rationale", "Nattpatrullen ringer", "--coder", "Anna")
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("replaced the link by Maja Lind of 2026-11-30 (piloted); its rationale was: R01 har lampan"), "\(kept.stdout)")
        #expect(kept.stdout.contains("linked need.safety.night → door-sensor (piloted) by Anna"), "\(kept.stdout)")
        let changed = try await cli.run("link", "need.safety.night", "door-sensor", "--rationale", "Inte längre", "--status", "rejected", "--coder", "Anna")
        #expect(changed.stdout.contains("replaced the link by Anna of ") && changed.stdout.contains("(piloted → rejected)"), "\(changed.stdout)")
        // A new link says nothing of a replacement.
        let new = try await cli.run("link", "need.safety.night", "smart-plug", "--rationale", "Kaffebryggaren", "--coder", "Anna")
        #expect(new.status == 0 && !new.stdout.contains("replaced") && new.stdout.contains("(candidate)"), "\(new.stdout) \(new.stderr)")
    }

    @Test func importSummariseLinkAndListNeeds() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: root)
        try await cli.run("ingest")
        let check = try await cli.run("solutions", "check")
        #expect(check.status == 0 && check.stdout.contains("8 solutions, 8 devices"), "\(check.stderr)")

        let senml = try await cli.run("telemetry", "import", root.appending(path: "corpus/telemetry/pilot-2025-08.senml.json").path)
        #expect(senml.status == 0, "\(senml.stderr)")
        #expect(senml.stdout.contains("refused 12: R03 withdrew telemetry consent on 2025-09-01"))
        let summary = try #require(try await cli.json("telemetry", "summary", "--device", "r03-motion-hall", "--no-events") as? [String: Any])
        let rows = try #require(summary["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["start"] as? String } == ["2025-08-28", "2025-08-29", "2025-08-30", "2025-08-31"])
        #expect(Set(rows.first?.keys.map { $0 } ?? []) == ["device", "participant", "metric", "unit", "period", "start", "count", "min", "max", "mean"])

        let refused = try await cli.run("link", "need.safety.night", "door-sensor", "--rationale", " ")
        #expect(refused.status != 0 && refused.stderr.contains("needs a rationale"))
        let linked = try await cli.run("link", "need.safety.night", "door-sensor", "--rationale", "Night checks", "--status", "piloted", "--coder", "Anna")
        #expect(linked.status == 0 && linked.stdout.contains("piloted"), "\(linked.stderr)")
        let needs = try #require(try await cli.json("needs") as? [[String: Any]])
        let night = try #require(needs.first { $0["id"] as? String == "need.safety.night" })
        let links = try #require(night["links"] as? [[String: Any]])
        #expect(links.first?["solution"] as? String == "door-sensor" && links.first?["linked_by"] as? String == "Anna")
        // Removing the link shows what it was, and leaves the need unlinked; a second removal is an error.
        let unlinked = try await cli.run("unlink", "need.safety.night", "door-sensor")
        #expect(unlinked.status == 0 && unlinked.stdout.contains("Night checks"), "\(unlinked.stderr)")
        let after = try #require(try await cli.json("needs") as? [[String: Any]]).first { $0["id"] as? String == "need.safety.night" }
        #expect((after?["links"] as? [Any])?.isEmpty == true)
        let again = try await cli.run("unlink", "need.safety.night", "door-sensor")
        #expect(again.status != 0 && again.stderr.contains("is not linked to 'door-sensor'"))

        let bad = root.appending(path: "bad.csv")
        try "device,time,metric,value,unit\nr01-plug-kettle,2025-08-01T00:00:00Z,power,1,W\nr01-plug-kettle,yesterday,power,1,W\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let failed = try await cli.run("telemetry", "import", bad.path)
        #expect(failed.status != 0 && failed.stderr.contains("bad.csv:3: time 'yesterday'"))
    }
}
