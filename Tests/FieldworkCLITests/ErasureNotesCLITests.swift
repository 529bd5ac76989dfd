import Foundation
import Testing

/// `fieldwork erase` and the team's own notes: a coding's memo, a memo, a link's rationale or a
/// code's text that names the erased participant or quotes their words is not changed (notes are
/// the researchers' analysis) but listed for review — where it is, never what it says.
@Suite(.serialized) struct ErasureNotesCLITests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// R08's words in int-008 and ws-701, coded by Maja with a memo each.
    static func codeR08(_ cli: CLIRunner, memo: String, document: String, containing word: String) async throws -> String {
        let segments = try await cli.json("segments", document) as? [[String: Any]] ?? []
        let segment = try #require(segments.first { ($0["text"] as? String ?? "").contains(word) })
        let added = try await cli.run("code", "add", document, "--start", "\(segment["start"] as! Int)", "--end", "\(segment["end"] as! Int)",
                                      "--code", "need.safety", "--coder", "Maja", "--memo", memo)
        #expect(added.status == 0, "\(added.stderr)")
        return added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func notesNamingOrQuotingTheErasedParticipantAreListedAndKept() async throws {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Self.repository.appending(path: "codebooks/solutions.yaml"),
                                         to: root.appending(path: "codebooks/solutions.yaml"))
        // A code's definition that copies R07's sentence without quote marks.
        try PrivacyWorkspace.write(root, "codebooks/codebook.yaml", """
            title: Codebook
            codes:
              - id: need
                name: Needs
                kind: need
                children:
                  - id: need.safety
                    name: Safety at home
                    description: Feeling safe in the evening, as in jag ser en zebrafink varje kväll vid fönstret.
            """)
        let naming = try await Self.codeR08(cli, memo: "Jämför med R07:s svar om husdjuret.", document: "int-008", containing: "grannlarmet")
        _ = try await Self.codeR08(cli, memo: "Gruppen var enig om ”grannlarmet ringer alltid”.", document: "ws-701", containing: "grannen")
        for (solution, rationale) in [("motion-sensor", "Som R07 beskrev är kvällarna långa."),
                                      ("door-sensor", "R08 säger att grannlarmet ringer alltid.")] {
            let linked = try await cli.run("link", "need.safety", solution, "--rationale", rationale, "--coder", "Maja")
            #expect(linked.status == 0, "\(linked.stdout)\(linked.stderr)")
        }
        // Bo's memo on the code, in his codings file, quoting R07 between Swedish quote marks.
        try PrivacyWorkspace.write(root, "codings/bo.jsonl", """
            {"type":"memo","id":"m-0001","target":"code","target_id":"need.safety","author":"Bo","text":"Husdjur som trygghet: ”min papegojfisk heter Olle”.","created":"2025-06-01T10:00:00.000Z","updated":"2025-06-01T10:00:00.000Z","changed_by":"Bo","version":1}
            """)
        // A field note's running text naming R07 (found by a new user: the erasure left such a
        // line in a workshop note, and search still found it, with no word of it in the report).
        try PrivacyWorkspace.write(root, "corpus/note-901.md", """
            ---
            id: note-901
            type: note
            title: Fältanteckning
            date: 2025-05-01
            ---
            Mötet gick bra.

            R07 och R08 beskrev båda kvällarna.
            """)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        let notesBefore = ["codings/bo.jsonl", "codings/maja.jsonl", "codebooks/codebook.yaml"].map { PrivacyWorkspace.read(root, $0) }

        let erased = try await cli.run("erase", "R07", "--yes")
        #expect(erased.status == 0, "\(erased.stdout)\(erased.stderr)")
        #expect(erased.stdout.contains("""
            Review by hand: 5 notes of the team still name R07 or quote their words. An erasure does not change notes \
            (they are your analysis); edit or remove them:
              memo m-0001 on code need.safety, by Bo, in codings/bo.jsonl: quotes their words
              memo of coding \(naming) (need.safety in int-008), by Maja, in codings/maja.jsonl: names R07
              rationale of the link need.safety → motion-sensor, by Maja, in codings/maja.jsonl: names R07
              description of need.safety, in codebooks/codebook.yaml: quotes their words
              line 9, in corpus/note-901.md: names R07

            """), "\(erased.stdout)")
        // Where, never what: none of their words in the report.
        for word in PrivacyWorkspace.r07Words { #expect(!erased.stdout.lowercased().contains(word)) }
        // The notes as they were (the memo of R08's coding, R08's quote and the other link are no mention of R07).
        let notesAfter = ["codings/bo.jsonl", "codings/maja.jsonl", "codebooks/codebook.yaml"].map { PrivacyWorkspace.read(root, $0) }
        #expect(notesAfter[0].contains("”min papegojfisk heter Olle”"))
        #expect(notesAfter[1].contains("Jämför med R07:s svar om husdjuret.") && notesAfter[1].contains("Som R07 beskrev"))
        #expect(notesAfter[2] == notesBefore[2])

        let audit = try await cli.run("audit", "--json")
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]] ?? []
        let entry = entries.first { ($0["action"] as? String) == "erasure" }?["details"] as? [String: String]
        #expect(entry?["notes_to_review"] == "5", "\(String(describing: entry))")
    }

    @Test func noNoteMentioningThemSaysNothing() async throws {
        let cli = try await PrivacyWorkspace.make()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        _ = try await Self.codeR08(cli, memo: "R08 litar på grannen.", document: "int-008", containing: "grannlarmet")
        let erased = try await cli.run("erase", "R07", "--yes")
        #expect(erased.status == 0, "\(erased.stdout)\(erased.stderr)")
        #expect(!erased.stdout.contains("Review by hand"), "\(erased.stdout)")
    }
}
