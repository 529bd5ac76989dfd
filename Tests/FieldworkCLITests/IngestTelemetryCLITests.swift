import Foundation
import Testing

/// `fieldwork ingest` takes in the sample's pilot telemetry (corpus/telemetry/), so a newcomer's
/// `make run` shows readings without a `telemetry import`; a second ingest skips the files.
@Suite struct IngestTelemetryCLITests {
    @Test func ingestTakesInThePilotTelemetryOnceAndABadFileFailsAtItsLine() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let first = try await cli.run("ingest")
        #expect(first.status == 0, "\(first.stderr)")
        let lines = first.stdout.split(separator: "\n").map(String.init)
        let csv = try #require(lines.first { $0.hasPrefix("telemetry: corpus/telemetry/pilot-2025-08.csv (CSV): ") }, "\(first.stdout)")
        #expect(csv.contains(" stored, ") && csv.contains(" refused for consent"))
        #expect(lines.contains { $0.hasPrefix("telemetry: corpus/telemetry/pilot-2025-08.senml.json (SenML JSON): ") })
        #expect(lines.contains { $0.hasPrefix("  refused ") && $0.contains("R04") }, "R04 has no telemetry consent: \(first.stdout)")
        let summary = try #require(try await cli.json("telemetry", "summary", "--no-events") as? [String: Any])
        #expect(((summary["rows"] as? [[String: Any]]) ?? []).count > 5)

        let second = try await cli.json("ingest") as? [String: Any]
        #expect((second?["telemetry"] as? [Any])?.isEmpty == true && second?["telemetry_unchanged"] as? Int == 2, "\(String(describing: second))")
        let audit = try #require(try await cli.json("audit") as? [[String: Any]])
        let imports = audit.filter { $0["action"] as? String == "import" }.compactMap { $0["details"] as? [String: String] }
        // One entry per pilot file, as `telemetry import` writes; none for the ingest that skipped them.
        #expect(imports.map { $0["kind"] } == ["telemetry", "telemetry"], "\(imports)")
        #expect(Set(imports.compactMap { $0["file"] }) == ["pilot-2025-08.csv", "pilot-2025-08.senml.json"])

        try "device,time,metric,value,unit\nr01-plug-kettle,2025-08-28T07:30:00Z,power,abc,W\n"
            .write(to: root.appending(path: "corpus/telemetry/bad.csv"), atomically: true, encoding: .utf8)
        let bad = try await cli.run("ingest")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Error: corpus/telemetry/bad.csv:2: "), "\(bad.stderr)")
        // The summary says so too: its first line's `failed` counts transcripts (a new user read
        // "failed 0" beside the error).
        #expect(bad.stdout.contains("telemetry: 1 file failed, nothing of it taken in"), "\(bad.stdout)")
        let json = try await cli.run("ingest", "--json")
        #expect(json.status == 1)
        let failedRun = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(failedRun?["telemetry_failed"] as? Int == 1 && failedRun?["failed"] as? Int == 0, "\(json.stdout)")
    }
}
