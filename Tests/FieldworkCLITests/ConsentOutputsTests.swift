import FieldworkTestSupport
import Foundation
import Testing

/// The consent rule over every output the CLI produces: each participant has a different consent
/// state and says one word nobody else says; each output must show exactly the words of those
/// whose consent allows it today.
@Suite(.serialized) struct ConsentOutputsTests {
    static let people = ConsentStates.basic

    static func word(_ id: String) -> String { "ordet\(id.lowercased())x" }

    static func workspace() throws -> CLIRunner {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-consent-\(UUID().uuidString)")
        let cli = CLIRunner(workspace: root)
        #expect(try cli.run("init", root.path).status == 0)
        var participants = "participants:\n"
        var turns = ""
        for person in people {
            participants += "  - id: \(person.id)\n    role: resident\n    administrations: [social]\n    consents:\n      \(person.consent)\n"
            turns += "**\(person.id):** Jag säger \(word(person.id)) om natten och larmet.\n\n"
        }
        try Data(participants.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        try Data("""
            title: Codebook
            codes:
              - {id: need, name: Needs, kind: need, children: [{id: need.safety, name: Safety at home}]}
            """.utf8).write(to: root.appending(path: "codebooks/codebook.yaml"))
        try Data(("""
            ---
            id: int-021
            type: interview
            title: Nätter
            date: 2025-03-12
            participants: [\(people.map(\.id).joined(separator: ", "))]
            ---

            """ + turns).utf8).write(to: root.appending(path: "corpus/int-021.md"))
        #expect(try cli.run("ingest").status == 0)
        let segments = try cli.json("segments", "int-021") as? [[String: Any]] ?? []
        for segment in segments {
            guard let start = segment["start"] as? Int, let end = segment["end"] as? Int else { continue }
            #expect(try cli.run("code", "add", "int-021", "--start", "\(start)", "--end", "\(end)",
                                "--code", "need.safety", "--coder", "Anna").status == 0)
        }
        return cli
    }

    @Test func everyOutputShowsOnlyTheWordsConsentAllowsToday() throws {
        let cli = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        func file(_ path: String) throws -> String {
            try String(contentsOf: cli.workspace.appending(path: path), encoding: .utf8)
        }
        let outputs: [(name: String, quoting: Bool, text: () throws -> String)] = [
            ("export segments", false, {
                #expect(try cli.run("export", "segments", "--out", "exports/s.csv").status == 0)
                return try file("exports/s.csv")
            }),
            ("search", false, { try cli.run("search", "natten", "--json").stdout }),
            ("needs", true, { try cli.run("needs", "--json").stdout }),
            ("handout", true, { try cli.run("handout", "--theme", "need.safety", "--format", "md").stdout }),
        ]
        for output in outputs {
            let text = try output.text()
            for person in Self.people {
                let expected = output.quoting ? person.quotes : person.words
                #expect(text.contains(Self.word(person.id)) == expected, "\(output.name): \(person.id)")
            }
        }
        // The matrix counts only what may be shown today: rows of withheld people are zero.
        #expect(try cli.run("export", "matrix", "--rows", "participant", "--out", "exports/m.csv").status == 0)
        let rows = try file("exports/m.csv").components(separatedBy: "\r\n")
        for person in Self.people {
            let row = try #require(rows.first { $0.hasPrefix(person.id + ",") })
            #expect(row.hasSuffix(person.words ? ",1" : ",0"), "matrix: \(row)")
        }
        // The export says what the rule left out, as counts only.
        let export = try cli.run("export", "segments", "--out", "exports/s2.csv")
        #expect(export.stdout.contains("consent: 2 withheld (consent withdrawn: 1, no consent for this material: 1)"))
        #expect(!export.stdout.contains("R22") && !export.stdout.contains("R24"))
        // Every CSV export has a sidecar stating the rule and the counts withheld (never names).
        for sidecar in ["exports/s.csv.meta.json", "exports/m.csv.meta.json"] {
            let meta = try file(sidecar)
            #expect(meta.contains("\"consent_rule\"") && meta.contains("\"total\" : 2"), "\(sidecar): \(meta)")
            #expect(!meta.contains("R22") && !meta.contains("R24"))
        }
    }

    /// QDPX, co-occurrence, agreement and the actor map: the withheld people's words are absent
    /// and their segments are no units; each output states the rule and the counts.
    @Test func projectAndCountExportsApplyTheRuleAndSaySo() throws {
        let cli = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let qdpx = try cli.run("export", "qdpx", "--out", "exports/p.qdpx")
        #expect(qdpx.status == 0)
        #expect(qdpx.stdout.contains("consent applied ") && qdpx.stdout.contains("2 segments withheld") && qdpx.stdout.contains("2 codings withheld"))
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        unzip.arguments = ["-p", cli.workspace.appending(path: "exports/p.qdpx").path]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        let archive = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        unzip.waitUntilExit()
        #expect(archive.contains("Consent rule: words shown only when"))
        for person in Self.people {
            #expect(archive.contains(Self.word(person.id)) == person.words, "qdpx: \(person.id)")
        }
        // Co-occurrence counts only the allowed segments; the CSV's sidecar says what was left out.
        let counts = try #require(try cli.json("export", "cooccurrence") as? [String: Any])
        #expect(counts["coded_segments"] as? Int == Self.people.filter(\.words).count)
        #expect(try cli.run("export", "cooccurrence", "--out", "exports/c.csv").status == 0)
        let meta = try String(contentsOf: cli.workspace.appending(path: "exports/c.csv.meta.json"), encoding: .utf8)
        #expect(meta.contains("\"unit\" : \"segments\"") && meta.contains("\"total\" : 2"))
        let agreement = try #require(try cli.json("agreement") as? [String: Any])
        #expect((agreement["overall"] as? [String: Any])?["units"] as? Int == Self.people.filter(\.words).count)
        let actors = try cli.run("export", "actor-map", "--format", "json", "--out", "exports/a.json")
        #expect(actors.status == 0 && actors.stdout.contains("2 evidence withheld"))
    }
}
