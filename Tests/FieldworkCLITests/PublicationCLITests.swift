import Foundation
import Testing

/// `--for-publication`: counts of fewer than k participants as "< k" (k from fieldwork.yaml,
/// default 5), no pseudonyms, and quotes attributed to no group smaller than k.
@Suite struct PublicationCLITests {
    static func workspace() async throws -> CLIRunner {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-publication-\(UUID().uuidString)")
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("init", root.path).status == 0)
        let residents = ["R51", "R52", "R53", "R54", "R55", "R56"]
        var register = "participants:\n"
        var turns = ""
        for id in residents {
            let age = id == "R56" ? "30-39" : "70-79"
            register += "  - {id: \(id), role: resident, administrations: [care], attributes: {age_band: \"\(age)\"}, "
                + "consents: [{id: c-\(id), date: 2025-01-01, scopes: [interview, quote]}]}\n"
            turns += "**\(id):** Jag är rädd på natten, säger \(id.lowercased())ord.\n\n"
        }
        try Data(register.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        try Data("""
            title: Codebook
            codes:
              - {id: need, name: Needs, kind: need, children: [{id: need.safety, name: Safety at home}, {id: need.sleep, name: Sleep}]}
            """.utf8).write(to: root.appending(path: "codebooks/codebook.yaml"))
        try Data(("""
            ---
            id: int-051
            type: interview
            title: Nätter
            date: 2025-03-12
            participants: [\(residents.joined(separator: ", "))]
            ---

            """ + turns).utf8).write(to: root.appending(path: "corpus/int-051.md"))
        #expect(try await cli.run("ingest").status == 0)
        for segment in try await cli.json("segments", "int-051") as? [[String: Any]] ?? [] {
            guard let start = segment["start"] as? Int, let end = segment["end"] as? Int, let speaker = segment["speaker"] as? String else { continue }
            #expect(try await cli.run("code", "add", "int-051", "--start", "\(start)", "--end", "\(end)", "--code", "need.safety", "--coder", "Anna").status == 0)
            if speaker == "R51" || speaker == "R56" {
                #expect(try await cli.run("code", "add", "int-051", "--start", "\(start)", "--end", "\(end)", "--code", "need.sleep", "--coder", "Anna").status == 0)
            }
        }
        return cli
    }

    @Test func smallCountsAreSuppressedAndQuotesNameNoSmallGroup() async throws {
        let cli = try await Self.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let needs = try #require(try await cli.json("needs", "--for-publication") as? [[String: Any]])
        func need(_ id: String) -> [String: Any] { needs.first { $0["id"] as? String == id } ?? [:] }
        #expect(need("need.safety")["residents"] as? String == "6")
        #expect(need("need.sleep")["residents"] as? String == "< 5" && need("need.sleep")["participants"] as? String == "< 5")
        #expect(need("need.sleep")["administrations"] as? [String] == [])
        #expect(need("need.safety")["administrations"] as? [String] == ["care"])
        let attributions = Set(((need("need.sleep")["quotes"] as? [[String: Any]]) ?? []).compactMap { $0["attributed_to"] as? String })
        // Five residents are 70–79: that label is a group of k; the one 30–39 is only "Resident".
        #expect(attributions == ["Resident, 70–79", "Resident"])
        let text = try await cli.run("needs", "--for-publication", "--json").stdout
        #expect(!text.contains("\"R5"), "no pseudonym in a publication")

        let handout = try await cli.run("handout", "--theme", "need.sleep", "--format", "md", "--for-publication").stdout
        // A resident's handout prints no counts at all; its attributions follow k with or without the flag.
        #expect(!handout.contains("participants") && !handout.contains("< 5"))
        #expect(handout.contains("> – a resident aged 70–79") && handout.contains("> – a resident\n") && !handout.contains("30–39"))

        #expect(try await cli.run("export", "cooccurrence", "--for-publication", "--out", "exports/c.csv").status == 0)
        let csv = try String(contentsOf: cli.workspace.appending(path: "exports/c.csv"), encoding: .utf8)
        #expect(csv.contains("need.safety,need.sleep,6,\"< 5\",\"< 5\",\r\n") || csv.contains("need.safety,need.sleep,6,< 5,< 5,\r\n"), "\(csv)")
        #expect(try String(contentsOf: cli.workspace.appending(path: "exports/c.csv.meta.json"), encoding: .utf8)
            .contains("\"small_cells_below\" : 5"))

        #expect(try await cli.run("export", "matrix", "--rows", "administration", "--for-publication", "--out", "exports/m.csv").status == 0)
        let matrix = try String(contentsOf: cli.workspace.appending(path: "exports/m.csv"), encoding: .utf8)
        // Cells count participants: care has 6 for the parent code's children, "< 5" for sleep.
        #expect(matrix.contains("care,0,6,") && matrix.contains("< 5"), "\(matrix)")
        let refused = try await cli.run("export", "matrix", "--rows", "participant", "--for-publication")
        #expect(refused.status != 0 && refused.stderr.contains("a participant row is one person"))

        // k per workspace: with 7, six residents are a small cell and no group label is left.
        try Data("publication:\n  min_count: 7\n".utf8).write(to: cli.workspace.appending(path: "fieldwork.yaml"))
        let strict = try #require(try await cli.json("needs", "--for-publication") as? [[String: Any]])
        let safety = try #require(strict.first { $0["id"] as? String == "need.safety" })
        #expect(safety["residents"] as? String == "< 7")
        #expect(Set(((safety["quotes"] as? [[String: Any]]) ?? []).compactMap { $0["attributed_to"] as? String }) == ["Participant"])
        try Data("publication:\n  min_count: 1\n".utf8).write(to: cli.workspace.appending(path: "fieldwork.yaml"))
        let bad = try await cli.run("needs", "--for-publication")
        #expect(bad.status != 0 && bad.stderr.contains("fieldwork.yaml:2:") && bad.stderr.contains("at least 2"), "\(bad.stderr)")
    }
}
