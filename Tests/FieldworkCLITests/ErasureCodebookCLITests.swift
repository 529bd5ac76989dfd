import Foundation
import Testing

/// `fieldwork erase` and the codebook: an example that quotes the erased participant is their
/// words too, and goes with them; the codebook's other examples, comments and layout stay.
@Suite(.serialized) struct ErasureCodebookCLITests {
    static let codebook = """
        title: Codebook
        # The team's note on examples: keep them short.
        codes:
          - id: need
            name: Needs
            kind: need
            children:
              - id: need.safety
                name: Safety at home
                examples:
                  # Shortened, with a capital where the cut was made.
                  - "Jag ser en zebrafink … vid fönstret"
                  - "Det fungerar bra, grannlarmet ringer alltid."
                  - 'A made-up example nobody said.'
                  - “jag saknar min KANELSNÄCKA på kvällen”
              - id: need.pets
                name: Pets
                examples:
                  sv:
                    - "Min papegojfisk heter Olle..."
                  en:
                    - "My parrot fish is called Olle."
        """

    static func workspace() async throws -> CLIRunner {
        let cli = try await PrivacyWorkspace.make()
        try PrivacyWorkspace.write(cli.workspace, "codebooks/codebook.yaml", codebook)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        return cli
    }

    @Test func examplesQuotingTheErasedParticipantLeaveTheCodebookAndTheReportCountsThem() async throws {
        let cli = try await Self.workspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }

        // The confirmation lists them (where, not the words); stopping changes nothing.
        let stopped = try await cli.run(["erase", "R07"], input: "no\n")
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("and these codebook examples that quote their words:\n"
                                        + "  remove example 1 of need.safety in codebooks/codebook.yaml\n"
                                        + "  remove example 4 of need.safety in codebooks/codebook.yaml\n"
                                        + "  remove example 1 (sv) of need.pets in codebooks/codebook.yaml\n"), "\(stopped.stdout)")
        #expect(PrivacyWorkspace.read(root, "codebooks/codebook.yaml") == Self.codebook + "\n")

        let erased = try await cli.run("erase", "R07", "--yes")
        #expect(erased.status == 0, "\(erased.stdout)\(erased.stderr)")
        #expect(erased.stdout.contains("  3 codebook examples quoting their words removed:\n"), "\(erased.stdout)")
        for word in PrivacyWorkspace.r07Words { #expect(!erased.stdout.lowercased().contains(word)) }

        // The file: their quotes gone; R08's quote, the made-up one, the translation nobody
        // said in those words, the comments and the quoting as written all stay.
        let text = PrivacyWorkspace.read(root, "codebooks/codebook.yaml")
        for word in PrivacyWorkspace.r07Words { #expect(!text.lowercased().contains(word), "\(word) in the codebook") }
        #expect(text.contains("        examples:\n"
                              + "          # Shortened, with a capital where the cut was made.\n"
                              + "          - \"Det fungerar bra, grannlarmet ringer alltid.\"\n"
                              + "          - 'A made-up example nobody said.'\n"
                              + "      - id: need.pets\n"), "\(text)")
        #expect(text.contains("# The team's note on examples: keep them short."))
        #expect(text.contains("        examples:\n          en:\n            - \"My parrot fish is called Olle.\""), "\(text)")
        #expect(try await cli.run("codebook", "check").status == 0)

        // Nor in what is made from the codebook, or the database.
        let csv = try await cli.run("export", "codebook", "--format", "csv")
        #expect(csv.status == 0 && csv.stdout.contains("grannlarmet"))
        for word in PrivacyWorkspace.r07Words {
            #expect(!csv.stdout.lowercased().contains(word))
            #expect(!ErasureCLITests.holds(root.appending(path: ".fieldwork/fieldwork.sqlite"), word), "\(word) in the database")
        }

        // The audit entry counts them and names the codes, without the words.
        let audit = try await cli.run("audit", "--json")
        let entries = try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [[String: Any]] ?? []
        let entry = entries.first { ($0["action"] as? String) == "erasure" }?["details"] as? [String: String]
        #expect(entry?["codebook_examples"] == "3", "\(String(describing: entry))")
        #expect(entry?["codebook_examples_codes"] == "need.pets,need.safety")
        for word in PrivacyWorkspace.r07Words { #expect(!audit.stdout.lowercased().contains(word)) }
    }
}
