import Foundation
import Testing

/// `fieldwork consent status`: each participant's state and scopes, and retention past due.
@Suite struct ConsentStatusCLITests {
    @Test func statesScopesAndRetentionPastDue() async throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-consent-status-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("init", root.path).status == 0)
        try Data("""
            participants:
              - id: R31
                consents:
                  - id: c-31
                    notice: {version: "1", language: sv, variant: easy-read}
                    scopes: [interview, quote, "telemetry:door-sensor"]
                    retain_until: 2999-12-31
                    events:
                      - {event: given, date: 2025-01-10, by: Anna, how: signed form}
              - id: R32
                consents:
                  - {id: c-32a, date: 2025-01-10, scopes: [interview, quote], retain_until: 2000-01-01}
                  - {id: c-32b, date: 2025-01-10, scopes: [telemetry], withdrawn: 2025-09-01}
              - id: R33
                consents:
                  - id: c-33
                    scopes: [interview]
                    events:
                      - {event: given, date: 2025-01-10, by: Bo, how: phone}
                      - {event: withdrawn, date: 2025-02-01, by: Bo, how: letter}
              - id: R34
                role: staff
            """.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        #expect(try await cli.run("ingest").status == 0)
        let json = try #require(try await cli.json("consent", "status") as? [String: Any])
        let people = try #require(json["participants"] as? [[String: Any]])
        func person(_ id: String) -> [String: Any] { people.first { $0["participant"] as? String == id } ?? [:] }
        #expect(person("R31")["state"] as? String == "active")
        #expect(person("R31")["scopes"] as? [String] == ["interview", "quote", "telemetry"])
        #expect(person("R31")["telemetry_devices"] as? [String] == ["door-sensor"])
        #expect(person("R31")["last_event"] as? String == "given 2025-01-10")
        #expect(person("R32")["state"] as? String == "partly-withdrawn")
        #expect(person("R32")["ended"] as? [String] == ["telemetry"])
        #expect(person("R32")["last_event"] is NSNull)
        #expect(person("R33")["state"] as? String == "withdrawn")
        #expect(person("R33")["scopes"] as? [String] == [])
        #expect(person("R34")["state"] as? String == "none")
        let due = try #require(json["retention_past_due"] as? [[String: Any]])
        #expect(due.count == 1)
        #expect(due.first?["participant"] as? String == "R32" && due.first?["consent"] as? String == "c-32a"
                && due.first?["retain_until"] as? String == "2000-01-01")
        let table = try await cli.run("consent", "status")
        #expect(table.status == 0)
        #expect(table.stdout.contains("retention past due on "))
        #expect(table.stdout.contains("R32  c-32a  retain until 2000-01-01"))
        #expect(!table.stdout.contains("c-31  retain"))
        // Scopes in force, then those ended; with none in force the cell began "; ended:" (found
        // by a new user).
        func row(_ id: String) -> String { table.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") }.map(String.init) ?? "" }
        #expect(row("R32").contains("interview, quote; ended: telemetry"), "\(table.stdout)")
        #expect(row("R33").contains(" ended: interview") && !row("R33").contains(";"), "\(table.stdout)")
        #expect(row("R31").contains("interview, quote, telemetry (tele") && !row("R31").contains("ended"), "\(table.stdout)")
    }
}
