import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A codebook example quoting words that the consent rule withholds reads as the rule's marker
/// wherever the codebook is shown, while the codebook files keep it until a researcher removes
/// it (found by a new user: after a withdrawal the codebook page, its exports and the QDPX
/// project still showed R01's words).
@Suite struct ShownCodebookTests {
    static let marker = ConsentRule.Reason.withdrawn.marker

    @Test func anExampleQuotingSomeoneWhoWithdrewReadsAsWithheld() async throws {
        let workspace = try await TemporaryWorkspace(participants: WithdrawnQuoteWarningsTests.participants(withdrawn: false),
                                                     codebook: WithdrawnQuoteWarningsTests.codebook)
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Larmet går på natten och då ringer jag till hemtjänsten och väntar."))
        _ = try await workspace.ingest()
        let examples = ["Något helt annat som ingen har sagt.", "… larmet går på natten och då ringer jag …"]
        #expect(try await workspace.context.shownCodebook.codebook()["need"]?.examples == examples)

        try workspace.write("corpus/participants.yaml", WithdrawnQuoteWarningsTests.participants(withdrawn: true))
        _ = try await workspace.ingest()
        #expect(try await workspace.context.shownCodebook.codebook()["need"]?.examples == [examples[0], Self.marker])
        // The files and the store keep the researchers' text: the warning at ingest says to remove it.
        #expect(try await workspace.store.codebook()["need"]?.examples == examples)
        #expect(try String(contentsOf: workspace.root.appending(path: "codebooks/codebook.yaml"), encoding: .utf8).contains("larmet går på natten"))
    }

    /// A workshop note's words are its named authors' (`(R15)`), and R15 never consented to
    /// workshops: the example quoting the note is withheld for that reason, in every language's list.
    @Test func aWorkshopNotesNamedAuthorWithoutConsentWithholdsTheExampleInEveryLanguage() async throws {
        let codebook = TemporaryWorkspace.codebook.replacingOccurrences(of: "name: Safety at home\n", with: "name: Safety at home\n"
            + "        examples:\n"
            + "          en: [\"The alarm must not wake the neighbours.\", \"A light that comes on by itself.\"]\n"
            + "          sv: [\"Larmet får inte väcka grannarna.\", \"En lampa som tänds av sig själv.\"]\n")
        let workspace = try await TemporaryWorkspace(codebook: codebook)
        try workspace.write("corpus/ws-001.md", TemporaryWorkspace.workshopNotes(
            "Larmet får inte väcka grannarna, då vågar jag inte trycka. (R15)\n\nEn lampa som tänds av sig själv vore bra."))
        let summary = try await workspace.ingest()
        #expect(summary.succeeded, "\(summary.problems)")

        let shown = try await workspace.context.shownCodebook.codebook()
        let code = try #require(shown["need.safety"])
        let notGiven = ConsentRule.Reason.notGiven.marker
        #expect(code.localized("en").examples == [notGiven, "A light that comes on by itself."])
        #expect(code.localized("sv").examples == [notGiven, "En lampa som tänds av sig själv."])
    }

    @Test func markingCountsEachWithheldExampleOnceByReason() {
        let code = Code(id: "need", name: "Needs", kind: .need, examples: ["Jag ringer på natten.", "Ingen svarar …"])
        let marked = ShownCodebook.marking(Codebook(codes: [code]), withheld: [
            .withdrawn: ["R: Jag ringer på natten, varje natt."],
            .noQuote: ["Ingen svarar när jag ringer."],
        ])
        #expect(marked.codebook["need"]?.examples == [Self.marker, ConsentRule.Reason.noQuote.marker])
        #expect(marked.withheld.byReason == [.withdrawn: 1, .noQuote: 1])
        // Nothing withheld, nothing changed.
        #expect(ShownCodebook.marking(Codebook(codes: [code]), withheld: [:]).codebook == Codebook(codes: [code]))
    }
}
