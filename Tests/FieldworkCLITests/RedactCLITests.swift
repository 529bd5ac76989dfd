import Foundation
import Testing

/// `corpus/redactions.yaml` in exports and handouts, `redact --check` with file:line, and
/// `redact --apply` keeping every coding on its words.
@Suite struct RedactCLITests {
    @Test func exportsAreRedactedCheckFindsLeftoversAndApplyKeepsCodings() async throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-redact-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("init", root.path).status == 0)
        func write(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: root.appending(path: path))
        }
        func read(_ path: String) throws -> String { try String(contentsOf: root.appending(path: path), encoding: .utf8) }
        try write("corpus/participants.yaml", """
            participants:
              - {id: R41, role: resident, attributes: {age_band: "70-79"}, consents: [{id: c41, date: 2025-01-01, scopes: [interview, quote]}]}
            """)
        try write("codebooks/codebook.yaml", """
            title: Codebook
            codes:
              - {id: need, name: Needs, kind: need, children: [{id: need.safety, name: Safety at home, description: "Som när Anna Svensson ringde", examples: ["Jag bor i Norrby"]}]}
            """)
        try FileManager.default.createDirectory(at: root.appending(path: "in"), withIntermediateDirectories: true)
        try write("in/plan.yaml", """
            title: Workshop i Norrby
            language: sv
            place: Norrby träffpunkt
            stations:
              - {name: Station 1 – Norrby på natten, theme: need.safety}
            """)
        try write("corpus/int-041.md", """
            ---
            id: int-041
            type: interview
            title: Nätter i Norrby
            date: 2025-03-12
            participants: [R41]
            ---

            **R41:** Min granne Anna Svensson ringde från Norrby i går kväll.

            **R41:** Sen var det tyst hela natten.

            """)
        #expect(try await cli.run("ingest").status == 0)
        let segments = try await cli.json("segments", "int-041") as? [[String: Any]] ?? []
        let first = try #require(segments.first), second = try #require(segments.last)
        let text = try #require(first["text"] as? String)
        let name = try #require(text.range(of: "Anna Svensson ringde"))
        let start = (first["start"] as? Int ?? 0) + text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: name.lowerBound.samePosition(in: text.unicodeScalars)!)
        #expect(try await cli.run("code", "add", "int-041", "--start", "\(start)", "--end", "\(start + 20)", "--code", "need.safety",
                            "--coder", "Anna", "--memo", "Anna Svensson oroar sig").status == 0)
        #expect(try await cli.run("code", "add", "int-041", "--start", "\(second["start"] as? Int ?? 0)", "--end", "\(second["end"] as? Int ?? 0)",
                            "--code", "need.safety", "--coder", "Anna").status == 0)
        try write("corpus/redactions.yaml", """
            redactions:
              - {identifier: "Anna Svensson", replacement: "[R07]"}
              - {identifier: Norrby, replacement: "[area]"}
            """)
        // Exports and handouts carry the replacements, and say how many.
        let export = try await cli.run("export", "segments", "--out", "exports/s.csv")
        #expect(export.status == 0 && export.stdout.contains("identifiers redacted"), "\(export.stdout)")
        let csv = try read("exports/s.csv")
        #expect(!csv.contains("Anna Svensson") && !csv.contains("Norrby") && csv.contains("[R07] ringde"))
        #expect(try read("exports/s.csv.meta.json").contains("\"redactions\" : "))
        #expect(try await cli.run("export", "qdpx", "--out", "exports/p.qdpx").status == 0)
        let handout = try await cli.run("handout", "--theme", "need.safety", "--format", "md")
        #expect(handout.stdout.contains("[R07] ringde") && !handout.stdout.contains("Svensson"), "\(handout.stdout)")
        // The codebook's texts (a description, an example), a plan's place, title and stations: the
        // codebook exports, the project's code descriptions and a pack's cover carried them as written.
        for format in ["csv", "qdc", "md"] {
            #expect(try await cli.run("export", "codebook", "--format", format, "--out", "exports/codebook.\(format)").status == 0)
            let text = try read("exports/codebook.\(format)")
            #expect(!text.contains("Svensson") && !text.contains("Norrby") && text.contains("area"), "\(format)")
        }
        #expect(try await cli.run("handout", "--workshop", "in/plan.yaml", "--pack", "--format", "md", "--out", "exports/pack.md").status == 0)
        let pack = try read("exports/pack.md")
        #expect(!pack.contains("Norrby") && pack.contains("[area] träffpunkt"), "\(pack)")
        // The check finds the corpus file (and not the exports, which are redacted), by line, never printing the name.
        let check = try await cli.run("redact", "--check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("corpus/int-041.md:4: identifier of corpus/redactions.yaml:3 (to be replaced by [area])"))
        #expect(check.stdout.contains("corpus/int-041.md:9: identifier of corpus/redactions.yaml:2 (to be replaced by [R07])"))
        #expect(check.stdout.contains("codings/anna.jsonl:"))
        #expect(!check.stdout.contains("exports/") && !check.stdout.contains("Svensson"))
        // A raw copy in exports is found too, inside a .qdpx as well.
        try write("exports/raw.txt", "line one\nAnna Svensson\n")
        #expect(try await cli.run("redact", "--check").stdout.contains("exports/raw.txt:2: identifier of corpus/redactions.yaml:2"))
        try FileManager.default.removeItem(at: root.appending(path: "exports/raw.txt"))

        let apply = try await cli.run("redact", "--apply")
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("rewrote corpus/int-041.md") && apply.stdout.contains("rewrote codings/anna.jsonl")
                && apply.stdout.contains("0 orphaned"), "\(apply.stdout)")
        let corpus = try read("corpus/int-041.md")
        #expect(!corpus.contains("Anna Svensson") && corpus.contains("Min granne \\[R07] ringde från \\[area] i går") && corpus.contains("title: Nätter i [area]"))
        // Both codings stay on their words: anchored, the quote now redacted.
        let codings = try #require(try await cli.json("code", "list") as? [[String: Any]])
        #expect(codings.count == 2 && codings.allSatisfy { $0["status"] as? String == "anchored" })
        #expect(Set(codings.compactMap { $0["quote"] as? String }) == ["[R07] ringde", "Sen var det tyst hela natten."])
        #expect(codings.contains { $0["memo"] as? String == "[R07] oroar sig" })
        let plain = try await #require((try cli.json("segments", "int-041") as? [[String: Any]])?.first?["text"] as? String)
        #expect(plain.contains("Min granne [R07] ringde från [area]"))
        #expect(try await cli.run("redact", "--check").status == 0)
        // The audit log records the redaction by its counts, never the identifiers.
        let entries = try #require(try await cli.json("audit") as? [[String: Any]])
        let redaction = try #require(entries.last { $0["action"] as? String == "redaction" })
        #expect((redaction["details"] as? [String: String])?["files"] != nil)
        let log = try read("audit/log.jsonl")
        #expect(!log.contains("Anna Svensson") && !log.contains("Norrby"))
    }

    /// A replacement in the front matter keeps it valid YAML: `[facilitator]` as a whole value is
    /// written quoted (as it was, the value became a list and the next ingest failed the file).
    /// `--check` counts the lines of a CRLF file (every CSV export said line 1).
    @Test func theFrontMatterStaysValidAndCRLFLinesAreCounted() async throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-redact-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("init", root.path).status == 0)
        func write(_ path: String, _ text: String) throws { try Data(text.utf8).write(to: root.appending(path: path)) }
        func read(_ path: String) throws -> String { try String(contentsOf: root.appending(path: path), encoding: .utf8) }
        try write("corpus/participants.yaml", """
            participants:
              - {id: R41, role: resident, consents: [{id: c41, date: 2025-01-01, scopes: [interview, quote]}]}
            """)
        let original = """
            ---
            id: int-041
            type: interview
            title: Samtal med M. Okafor
            date: 2025-03-12
            interviewer: M. Okafor
            participants: [R41]
            ---

            **R41:** Jag pratade med M. Okafor om larmet.

            """
        try write("corpus/int-041.md", original)
        #expect(try await cli.run("ingest").status == 0)
        try write("exports/raw.csv", "a,b\r\nM. Okafor,1\r\n")
        try write("corpus/redactions.yaml", "redactions:\n  - {identifier: \"M. Okafor\", replacement: \"[facilitator]\"}\n")
        #expect(try await cli.run("redact", "--check").stdout.contains("exports/raw.csv:2: identifier of corpus/redactions.yaml:2"))
        try FileManager.default.removeItem(at: root.appending(path: "exports/raw.csv"))
        #expect(try read("corpus/int-041.md") == original)
        let apply = try await cli.run("redact", "--apply")
        #expect(apply.status == 0, "\(apply.stderr)")
        let corpus = try read("corpus/int-041.md")
        // The whole value quoted; inside a longer value and in the body, as before.
        #expect(corpus.contains("interviewer: \"[facilitator]\"\n") && corpus.contains("title: Samtal med [facilitator]\n"))
        #expect(corpus.contains("Jag pratade med \\[facilitator] om larmet."))
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await cli.run("redact", "--check").status == 0)
    }
}
