import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork audit`: who exported, imported, ingested and changed consent, never the content;
/// an edited, removed or cut-off line is detected by `--verify`.
@Suite(.serialized) struct AuditCLITests {
    static let maja = ["FIELDWORK_CODER": "Maja"]

    static func entries(_ cli: CLIRunner) async throws -> [[String: Any]] {
        try await cli.json("audit") as? [[String: Any]] ?? []
    }

    @Test func exportsImportsIngestsAndConsentChangesAreRecordedWithoutContent() async throws {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        try await PrivacyWorkspace.code(cli, document: "int-008", containing: "grannlarmet", coder: "Anna")
        #expect(try await cli.run("export", "segments", "--out", "exports/s.csv", environment: Self.maja).status == 0)
        #expect(try await cli.run("export", "codebook", "--format", "csv", environment: ["FIELDWORK_CODER": "Bo"]).status == 0)
        #expect(try await cli.run("export", "qdpx", "--out", "exports/p.qdpx", environment: Self.maja).status == 0)
        // A withdrawal written into the register, found by the next ingest.
        let register = PrivacyWorkspace.read(root, "corpus/participants.yaml")
            .replacingOccurrences(of: "scopes: [interview, workshop, quote]}", with: "scopes: [interview, workshop, quote], withdrawn: 2025-09-01}")
        try Data(register.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        #expect(try await cli.run("ingest", environment: Self.maja).status == 0)
        try PrivacyWorkspace.write(root, "in/samtal.txt", "R08: Hej och välkommen hit.\nIntervjuare: Tack.")
        #expect(try await cli.run(["import", "transcript", root.appending(path: "in/samtal.txt").path, "--id", "int-009"], environment: Self.maja).status == 0)

        let entries = try await Self.entries(cli)
        func details(_ entry: [String: Any]) -> [String: String] { entry["details"] as? [String: String] ?? [:] }
        let first = try #require(entries.first)
        #expect(first["action"] as? String == "ingest" && first["by"] as? String == "Maja" && first["seq"] as? Int == 1)
        #expect(details(first)["documents"] == "int-007,int-008,ws-701")
        #expect(details(first)["codes"] == "2" && details(first)["codings_remapped"] == "0")
        let segments = try #require(entries.first { details($0)["kind"] == "segments" })
        #expect(segments["by"] as? String == "Maja")
        #expect(details(segments)["file"] == "exports/s.csv")
        #expect(details(segments)["consent"]?.hasPrefix("consent rule of ") == true)
        #expect(details(segments)["withheld"] == "none")
        let codebook = try #require(entries.first { details($0)["kind"] == "codebook-csv" })
        #expect(codebook["by"] as? String == "Bo" && details(codebook)["file"] == "stdout")
        #expect(entries.contains { details($0)["kind"] == "qdpx" && details($0)["file"] == "exports/p.qdpx" })
        let consent = try #require(entries.first { $0["action"] as? String == "consent" })
        #expect(details(consent)["participant"] == "R08")
        #expect(details(consent)["changes"] == "c-r08 withdrawn 2025-09-01 (interview workshop quote)")
        #expect(entries.contains { details($0)["kind"] == "transcript" && details($0)["file"] == "corpus/int-009.md" })

        // Who and when, never the content.
        let log = PrivacyWorkspace.read(root, "audit/log.jsonl")
        for word in PrivacyWorkspace.r07Words + [PrivacyWorkspace.r08Word, "välkommen"] { #expect(!log.contains(word)) }
        let table = try await cli.run("audit")
        #expect(table.status == 0 && table.stdout.contains("\tMaja\texport\t"))
        #expect(try await cli.run("audit", "--verify").stdout.contains("audit/log.jsonl: \(entries.count) entries, intact"))
    }

    /// Every export made from participants' material states the consent rule it applied (its
    /// day, whose access) and what it withheld, the codebook's (its examples quote them) included.
    @Test func everyExportOfParticipantsMaterialRecordsTheRuleItApplied() async throws {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        try await PrivacyWorkspace.code(cli, document: "int-008", containing: "grannlarmet", coder: "Anna")
        let exports: [[String]] = [
            ["export", "segments", "--out", "exports/s.csv"], ["export", "qdpx", "--out", "exports/p.qdpx"],
            ["export", "matrix", "--rows", "document", "--out", "exports/m.csv"], ["export", "cooccurrence", "--out", "exports/c.csv"],
            ["export", "actor-map", "--format", "json", "--out", "exports/a.json"], ["export", "needs", "--out", "exports/n.csv"],
            ["export", "participants", "--out", "exports/pp.csv"], ["handout", "--theme", "need.safety", "--format", "md"],
            ["export", "codebook", "--format", "csv"],
        ]
        for arguments in exports {
            let result = try await cli.run(arguments, environment: Self.maja)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let recorded = try await Self.entries(cli).filter { $0["action"] as? String == "export" }.map { $0["details"] as? [String: String] ?? [:] }
        #expect(recorded.count == exports.count)
        for details in recorded {
            // The codebook too: its examples are quoted from participants (shown as markers when withheld).
            let kind = details["kind"] ?? "?"
            #expect(details["consent"]?.hasPrefix("consent rule of ") == true && details["consent"]?.hasSuffix(" with access of Maja") != true,
                    "\(kind): \(details)")
            #expect(details["withheld"] != nil, "\(kind): \(details)")
        }
    }

    @Test func anEditedOrRemovedLineIsDetected() async throws {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        for name in ["a", "b", "c"] {
            #expect(try await cli.run("export", "segments", "--out", "exports/\(name).csv", environment: Self.maja).status == 0)
        }
        let url = root.appending(path: "audit/log.jsonl")
        let original = PrivacyWorkspace.read(root, "audit/log.jsonl")
        var lines = original.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)

        // Someone puts another name on the second line.
        lines[1] = lines[1].replacingOccurrences(of: "\"by\":\"Maja\"", with: "\"by\":\"Bo\"")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        var verify = try await cli.run("audit", "--verify")
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("audit/log.jsonl:3: the hash of the line before does not match"))

        // Someone deletes the second line.
        lines = original.split(separator: "\n").map(String.init)
        lines.remove(at: 1)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        verify = try await cli.run("audit", "--verify")
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("audit/log.jsonl:2: entry 3 where 2 was expected"))

        // Someone cuts the last line: the chain left is whole, the database's head is not in it.
        lines = original.split(separator: "\n").map(String.init)
        try Data((lines.dropLast().joined(separator: "\n") + "\n").utf8).write(to: url)
        verify = try await cli.run("audit", "--verify")
        #expect(verify.status == 1)
        #expect(verify.stderr.contains("entries were removed from the end"))

        // The browser page says so too (checked in the web tests); restored, it verifies again.
        try Data(original.utf8).write(to: url)
        #expect(try await cli.run("audit", "--verify").status == 0)
    }

    @Test func theLogSurvivesADeletedDatabase() async throws {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try await cli.run("export", "segments", environment: Self.maja).status == 0)
        // The database lost: the SQLite file deleted, or on PostgreSQL a new, empty database.
        try FileManager.default.removeItem(at: root.appending(path: ".fieldwork"))
        let empty = try await TestDatabase.make()
        defer { withExtendedLifetime(empty) {} }  // only the binary uses it: kept to the end
        let store = empty.url.map { ["FIELDWORK_STORE": $0] } ?? [:]
        #expect(try await cli.run("ingest", environment: Self.maja.merging(store) { $1 }).status == 0)
        let entries = try #require(try await JSONSerialization.jsonObject(
            with: Data(try cli.run(["audit", "--json"], environment: store).stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["ingest", "export", "ingest"])
        // This machine's record, kept out of git by the workspace's .gitignore.
        #expect(PrivacyWorkspace.read(root, ".gitignore").contains("audit/\n"))
        #expect(try await cli.run(["audit", "--verify"], environment: store).status == 0)
    }

    /// A withdrawal's entry names the scopes it ends: those the last amendment set (R08's
    /// `quote` was left out), and an entry names a telemetry scope's device types (they were
    /// left out of an amendment's and a new consent's entry) (found by a new user).
    @Test func consentEntriesNameTheScopesInForceWithTheirDeviceTypes() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(telemetry: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let file = root.appending(path: "corpus/participants.yaml")
        let amended = "          - {event: amended, date: 2025-06-10, by: Anna, how: phone, scopes: [interview, recording, telemetry, workshop, quote]}\n"
        let given = "          - {event: given, date: 2025-02-20, by: Anna, how: \"signed paper form, read aloud\"}\n"
        let register = try String(contentsOf: file, encoding: .utf8)
        #expect(register.contains(amended) && register.contains(given))
        try (register
            .replacingOccurrences(of: amended, with: amended + "          - {event: withdrawn, date: 2025-12-01, by: Bo, how: letter}\n")
            .replacingOccurrences(of: given, with: given
                + "          - {event: amended, date: 2025-10-01, by: Anna, how: phone, scopes: [interview, \"telemetry:door-sensor\", \"telemetry:smart-plug\"]}\n")
            + "\n  - id: R40\n    role: resident\n    consents:\n      - {id: c-r40, date: 2025-01-10, scopes: [interview, \"telemetry:door-sensor\"]}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let changes = Dictionary(try await Self.entries(cli).filter { $0["action"] as? String == "consent" }.compactMap { entry in
            (entry["details"] as? [String: String]).flatMap { details in details["participant"].map { ($0, details["changes"] ?? "") } }
        }, uniquingKeysWith: { $1 })
        #expect(changes["R08"] == "c-r08-1 withdrawn 2025-12-01 (interview recording telemetry workshop quote)")
        #expect(changes["R01"] == "c-r01-1 amended 2025-10-01 (interview telemetry:door-sensor telemetry:smart-plug)")
        #expect(changes["R40"] == "c-r40 given 2025-01-10 (interview telemetry:door-sensor)")
    }
}
