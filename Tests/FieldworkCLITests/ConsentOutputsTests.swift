import FieldworkTestSupport
import Foundation
import Testing

/// The consent rule over every output the CLI produces: each participant has a different consent
/// state and says one word nobody else says; each output must show exactly the words of those
/// whose consent allows it today.
@Suite(.serialized) struct ConsentOutputsTests {
    static let people = ConsentStates.basic

    static func word(_ id: String) -> String { "ordet\(id.lowercased())x" }

    static func workspace() async throws -> CLIRunner {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-consent-\(UUID().uuidString)")
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("init", root.path).status == 0)
        var participants = "participants:\n"
        var turns = ""
        for person in people {
            participants += "  - id: \(person.id)\n    role: resident\n    administrations: [social]\n    consents:\n      \(person.consent)\n"
            turns += "**\(person.id):** Jag säger \(word(person.id)) om natten och larmet.\n\n"
        }
        try Data(participants.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        // Codebook examples quote each of them: shown as consent allows their words.
        let examples = people.map { "\"… säger \(word($0.id)) om natten …\"" }.joined(separator: ", ")
        try Data("""
            title: Codebook
            codes:
              - {id: need, name: Needs, kind: need, children: [{id: need.safety, name: Safety at home, examples: [\(examples)]}]}
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
        #expect(try await cli.run("ingest").status == 0)
        let segments = try await cli.json("segments", "int-021") as? [[String: Any]] ?? []
        for segment in segments {
            guard let start = segment["start"] as? Int, let end = segment["end"] as? Int else { continue }
            #expect(try await cli.run("code", "add", "int-021", "--start", "\(start)", "--end", "\(end)",
                                "--code", "need.safety", "--coder", "Anna").status == 0)
        }
        return cli
    }

    /// An output that can carry participants' words, produced by the coder of `environment`.
    struct WordOutput {
        var name: String
        /// Quotes (handouts, needs) need `quote` too; researcher views and exports need the words.
        var quoting: Bool
        var text: () async throws -> String
    }

    /// Every CLI output that can hold a participant's words: each table-driven consent and
    /// access test checks all of them.
    static func wordOutputs(_ cli: CLIRunner, environment: [String: String] = [:]) -> [WordOutput] {
        let tag = environment["FIELDWORK_CODER"] ?? "default"
        func file(_ path: String) throws -> String {
            try String(contentsOf: cli.workspace.appending(path: path), encoding: .utf8)
        }
        func export(_ arguments: [String], to path: String) async throws -> URL {
            let result = try await cli.run(["export"] + arguments + ["--out", path], environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return cli.workspace.appending(path: path)
        }
        return [
            WordOutput(name: "export segments", quoting: false) {
                try await String(contentsOf: try export(["segments"], to: "exports/s-\(tag).csv"), encoding: .utf8)
            },
            WordOutput(name: "segments", quoting: false) { try await cli.run(["segments", "int-021"], environment: environment).stdout },
            WordOutput(name: "segments --json", quoting: false) {
                try await cli.run(["segments", "int-021", "--json"], environment: environment).stdout
            },
            WordOutput(name: "code list", quoting: false) { try await cli.run(["code", "list", "--json"], environment: environment).stdout },
            // Each coding put back where it stands: the answer names its words (it printed a
            // withdrawn resident's, which `code list` withholds; found by a new user).
            WordOutput(name: "code reattach", quoting: false) {
                var text = ""
                for coding in try await cli.json("code", "list", "--json") as? [[String: Any]] ?? [] {
                    guard let id = coding["id"] as? String, let start = coding["start"] as? Int, let end = coding["end"] as? Int else { continue }
                    text += try await cli.run(["code", "reattach", id, "--start", "\(start)", "--end", "\(end)"], environment: environment).stdout
                }
                return text
            },
            WordOutput(name: "search", quoting: false) { try await cli.run(["search", "natten", "--json"], environment: environment).stdout },
            WordOutput(name: "needs", quoting: true) { try await cli.run(["needs", "--json"], environment: environment).stdout },
            WordOutput(name: "handout md", quoting: true) {
                try await cli.run(["handout", "--theme", "need.safety", "--format", "md"], environment: environment).stdout
            },
            WordOutput(name: "handout html", quoting: true) {
                let path = "exports/h-\(tag).html"
                let result = try await cli.run(["handout", "--theme", "need.safety", "--format", "html", "--out", path], environment: environment)
                #expect(result.status == 0, "\(result.stderr)")
                return try file(path)
            },
            WordOutput(name: "codebook show --json", quoting: false) {
                try await cli.run(["codebook", "show", "--json"], environment: environment).stdout
            },
            WordOutput(name: "export codebook csv", quoting: false) {
                try await String(contentsOf: try export(["codebook", "--format", "csv"], to: "exports/c-\(tag).csv"), encoding: .utf8)
            },
            WordOutput(name: "export codebook md", quoting: false) {
                try await String(contentsOf: try export(["codebook", "--format", "md"], to: "exports/c-\(tag).md"), encoding: .utf8)
            },
            WordOutput(name: "export codebook qdc", quoting: false) {
                try await String(contentsOf: try export(["codebook", "--format", "qdc"], to: "exports/c-\(tag).qdc"), encoding: .utf8)
            },
            WordOutput(name: "export qdpx", quoting: false) {
                try unzipped(try await export(["qdpx"], to: "exports/p-\(tag).qdpx"))
            },
        ]
    }

    /// Every entry of a zip archive, concatenated (the QDPX project XML and its sources).
    static func unzipped(_ archive: URL) throws -> String {
        let output = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", archive.path])
        return output.stdout
    }

    @Test func everyOutputShowsOnlyTheWordsConsentAllowsToday() async throws {
        let cli = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        func file(_ path: String) throws -> String {
            try String(contentsOf: cli.workspace.appending(path: path), encoding: .utf8)
        }
        for output in Self.wordOutputs(cli) {
            let text = try await output.text()
            for person in Self.people {
                let expected = output.quoting ? person.quotes : person.words
                #expect(text.contains(Self.word(person.id)) == expected, "\(output.name): \(person.id)")
            }
        }
        // The matrix counts only what may be shown today: rows of withheld people are zero.
        #expect(try await cli.run("export", "matrix", "--rows", "participant", "--out", "exports/m.csv").status == 0)
        let rows = try file("exports/m.csv").components(separatedBy: "\r\n")
        for person in Self.people {
            let row = try #require(rows.first { $0.hasPrefix(person.id + ",") })
            #expect(row.hasSuffix(person.words ? ",1" : ",0"), "matrix: \(row)")
        }
        // The export says what the rule left out, as counts only.
        let export = try await cli.run("export", "segments", "--out", "exports/s2.csv")
        #expect(export.stdout.contains(": 2 codings withheld (consent withdrawn: 1, no consent for this material: 1)"))
        #expect(!export.stdout.contains("R22") && !export.stdout.contains("R24"))
        // Every CSV export has a sidecar stating the rule and the counts withheld (never names).
        for sidecar in ["exports/s-default.csv.meta.json", "exports/m.csv.meta.json"] {
            let meta = try file(sidecar)
            #expect(meta.contains("\"consent_rule\"") && meta.contains("\"total\" : 2"), "\(sidecar): \(meta)")
            #expect(!meta.contains("R22") && !meta.contains("R24"))
        }
    }

    /// QDPX, co-occurrence, agreement and the actor map: the withheld people's words are absent
    /// and their segments are no units; each output states the rule and the counts.
    @Test func projectAndCountExportsApplyTheRuleAndSaySo() async throws {
        let cli = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let qdpx = try await cli.run("export", "qdpx", "--out", "exports/p.qdpx")
        #expect(qdpx.status == 0)
        #expect(qdpx.stdout.contains("consent applied ") && qdpx.stdout.contains("2 segments withheld") && qdpx.stdout.contains("2 codings withheld"))
        // Code descriptions carry the codebook's examples: two quote withheld words.
        #expect(qdpx.stdout.contains("2 examples withheld (consent withdrawn: 1, no consent for this material: 1)"), "\(qdpx.stdout)")
        let archive = try Self.unzipped(cli.workspace.appending(path: "exports/p.qdpx"))
        #expect(archive.contains("Consent rule: words shown only when"))
        for person in Self.people {
            #expect(archive.contains(Self.word(person.id)) == person.words, "qdpx: \(person.id)")
        }
        // The codebook export says how many of its examples it withheld, in its line, sidecar and audit entry.
        let codebook = try await cli.run("export", "codebook", "--format", "csv", "--out", "exports/cb.csv")
        #expect(codebook.status == 0 && codebook.stdout.contains("consent applied ")
            && codebook.stdout.contains(": 2 examples withheld (consent withdrawn: 1, no consent for this material: 1)"), "\(codebook.stdout)")
        let sidecar = try String(contentsOf: cli.workspace.appending(path: "exports/cb.csv.meta.json"), encoding: .utf8)
        #expect(sidecar.contains("\"unit\" : \"examples\"") && sidecar.contains("\"total\" : 2"), "\(sidecar)")
        #expect(try await cli.run("audit").stdout.contains("2 examples withheld"))
        // Co-occurrence counts only the allowed segments; the CSV's sidecar says what was left out.
        let counts = try #require(try await cli.json("export", "cooccurrence") as? [String: Any])
        #expect(counts["coded_segments"] as? Int == Self.people.filter(\.words).count)
        #expect(try await cli.run("export", "cooccurrence", "--out", "exports/c.csv").status == 0)
        let meta = try String(contentsOf: cli.workspace.appending(path: "exports/c.csv.meta.json"), encoding: .utf8)
        #expect(meta.contains("\"unit\" : \"segments\"") && meta.contains("\"total\" : 2"))
        let agreement = try #require(try await cli.json("agreement") as? [String: Any])
        #expect((agreement["overall"] as? [String: Any])?["units"] as? Int == Self.people.filter(\.words).count)
        let actors = try await cli.run("export", "actor-map", "--format", "json", "--out", "exports/a.json")
        #expect(actors.status == 0 && actors.stdout.contains("2 evidence withheld"))
    }
}
