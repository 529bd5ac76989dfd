import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork export telemetry`: the stored readings as CSV with the consent rule applied when
/// exporting (a withdrawal recorded after the import hides the days from then on) and the
/// metadata sidecar counting what was withheld (issue 13 part 7).
@Suite struct ExportTelemetryCLITests {
    @Test func readingsAsCSVWithConsentAppliedAtExport() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await cli.run("telemetry", "import", root.appending(path: "corpus/telemetry/pilot-2025-08.senml.json").path).status == 0)
        #expect(try await cli.run("telemetry", "import", root.appending(path: "corpus/telemetry/pilot-2025-08.csv").path).status == 0)

        let all = try await cli.run("export", "telemetry")
        let rows = try CSVRows.rows(root.appending(path: "exports/telemetry.csv"))
        #expect(rows.count == 187)
        // The devices the rows come from: it said 8, every device registered (found by a new user).
        let devices = Set(rows.compactMap { $0["device"] })
        #expect(devices.count < 8)
        #expect(all.status == 0 && all.stdout.contains("wrote 187 readings from \(devices.count) devices to"), "\(all.stdout)\(all.stderr)")
        let header = try String(contentsOf: root.appending(path: "exports/telemetry.csv"), encoding: .utf8).components(separatedBy: "\r\n")[0]
        #expect(header == "device,participant,solution,metric,unit,time,value,sum")
        let kettle = try #require(rows.first { $0["device"] == "r01-plug-kettle" && $0["time"] == "2025-08-28T07:30:00.000Z" })
        #expect(kettle["participant"] == "R01" && kettle["solution"] == "smart-plug" && kettle["metric"] == "power"
                && kettle["unit"] == "W" && kettle["value"] == "1850")
        #expect(!rows.contains { ($0["device"] ?? "").isEmpty || $0["participant"] == "R04" })

        // R01 withdraws telemetry consent on 2025-08-29: from that day on her readings are withheld.
        let participants = root.appending(path: "corpus/participants.yaml")
        let given = "          - {event: given, date: 2025-02-20, by: Anna, how: \"signed paper form, read aloud\"}\n"
        let register = try String(contentsOf: participants, encoding: .utf8)
        #expect(register.contains(given))
        try register.replacingOccurrences(of: given, with: given + "          - {event: withdrawn, date: 2025-08-29, by: Bo, how: phone}\n")
            .write(to: participants, atomically: true, encoding: .utf8)
        #expect(try await cli.run("ingest").status == 0)
        let after = try await cli.run("export", "telemetry", "--participant", "R01", "--out", "exports/r01.csv")
        #expect(after.status == 0, "\(after.stderr)")
        let r01 = try CSVRows.rows(root.appending(path: "exports/r01.csv"))
        #expect(!r01.isEmpty && r01.allSatisfy { $0["participant"] == "R01" && ($0["time"] ?? "") < "2025-08-29" })
        let before = rows.filter { $0["participant"] == "R01" }
        let sidecar = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appending(path: "exports/r01.csv.meta.json"))) as? [String: Any])
        #expect(sidecar["export"] as? String == "telemetry")
        // The rule applied is the telemetry rule, not the one for participants' words.
        let rule = try #require(sidecar["consent_rule"] as? String)
        #expect(rule.hasPrefix("readings shown only for the UTC days a telemetry consent") && !rule.contains("words"), "\(rule)")
        #expect(after.stdout.contains("readings from \(Set(r01.compactMap { $0["device"] }).count) device"), "\(after.stdout)")
        let withheld = try #require((sidecar["withheld"] as? [[String: Any]])?.first)
        #expect(withheld["unit"] as? String == "readings")
        #expect(withheld["total"] as? Int == before.count - r01.count)
        #expect((withheld["by_reason"] as? [String: Int])?["consent withdrawn"] == before.count - r01.count)
    }
}
