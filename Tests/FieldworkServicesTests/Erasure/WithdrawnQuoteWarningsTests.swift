import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A codebook example that quotes a participant who withdrew consent is named at ingest, by
/// code, place and participant, never by its words (found by a new user: after a withdrawal the
/// codebook page, its exports and the QDPX project still showed R01's words as examples).
@Suite struct WithdrawnQuoteWarningsTests {
    /// The test codebook with two examples of `need`, the second quoting R14.
    static let codebook = TemporaryWorkspace.codebook.replacingOccurrences(of: "    kind: need\n", with: """
            kind: need
            examples:
              - "Något helt annat som ingen har sagt."
              - "… larmet går på natten och då ringer jag …"

        """)

    static func participants(withdrawn: Bool) -> String {
        TemporaryWorkspace.participants.replacingOccurrences(
            of: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}",
            with: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]\(withdrawn ? ", withdrawn: 2025-06-01" : "")}")
    }

    @Test func anExampleQuotingSomeoneWhoWithdrewIsNamedAtIngest() async throws {
        let workspace = try await TemporaryWorkspace(participants: Self.participants(withdrawn: false), codebook: Self.codebook)
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Larmet går på natten och då ringer jag till hemtjänsten och väntar."))
        let before = try await workspace.ingest()
        #expect(before.succeeded && !before.warnings.contains { $0.message.contains("withdrawn consent") }, "\(before.warnings)")

        try workspace.write("corpus/participants.yaml", Self.participants(withdrawn: true))
        let after = try await workspace.ingest()
        let warnings = after.warnings.filter { $0.message.contains("withdrawn consent") }
        #expect(warnings.map(\.description) == [
            "codebooks/codebook.yaml:8: example 2 of need quotes R14, who has withdrawn consent: remove or replace it "
                + "(pages and exports show it as withheld until then)",
        ])
        #expect(!warnings.contains { $0.message.contains("larmet") }, "the warning must not hold the words")
        // Only when the register or the codebook changed: an unchanged run reads no corpus for it.
        #expect(try await workspace.ingest().warnings.allSatisfy { !$0.message.contains("withdrawn consent") })
    }

    /// Only R14's workshop consent is withdrawn: the workshop note they wrote is warned of, with
    /// its translation in the same place of the parallel English list, and their interview,
    /// whose words still appear, is not (a new user got warnings for every interview quote and
    /// none for the note).
    @Test func onlyWhatTheWithdrawalWithholdsIsWarnedOfTranslationsIncluded() async throws {
        let participants = TemporaryWorkspace.participants.replacingOccurrences(
            of: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}",
            with: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}\n"
                + "      - {id: c-r14w, date: 2025-02-01, scopes: [workshop], withdrawn: 2025-06-01}")
        let codebook = TemporaryWorkspace.codebook.replacingOccurrences(of: "    kind: need\n", with: "    kind: need\n"
            + "    examples:\n"
            + "      en: [\"The alarm must not wake the neighbours.\", \"At night the alarm goes off and I call.\"]\n"
            + "      sv: [\"Larmet får inte väcka grannarna.\", \"… larmet går på natten och då ringer jag …\"]\n")
        let workspace = try await TemporaryWorkspace(participants: participants, codebook: codebook)
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Larmet går på natten och då ringer jag till hemtjänsten och väntar."))
        try workspace.write("corpus/ws-001.md", TemporaryWorkspace.workshopNotes("Larmet får inte väcka grannarna, då vågar jag inte trycka. (R14)"))
        let summary = try await workspace.ingest()
        #expect(summary.warnings.filter { $0.message.contains("withdrawn consent") }.map(\.description) == [
            "codebooks/codebook.yaml:8: example 1 (sv) of need quotes R14, who has withdrawn consent: remove or replace it, "
                + "and its translation in the same place (en) (pages and exports show them as withheld until then)",
        ])
    }

    /// The withheld passages are read on several cores at once, a lane per core: they must keep
    /// the documents' order (date, then id), so one example quoted in three interviews names
    /// their speakers in that order, whichever lane read which interview.
    @Test func someoneQuotedInSeveralInterviewsIsNamedInTheInterviewsOrder() async throws {
        var register = Self.participants(withdrawn: true)
        for id in ["R16", "R17"] {
            register += "\n  - id: \(id)\n    role: resident\n    consents:\n"
                + "      - {id: c-\(id.lowercased()), date: 2025-02-01, scopes: [interview, quote], withdrawn: 2025-06-01}"
        }
        let workspace = try await TemporaryWorkspace(participants: register, codebook: Self.codebook)
        for (id, speaker, day) in [("int-a", "R17", "14"), ("int-b", "R16", "12"), ("int-c", "R14", "13")] {
            try workspace.write("corpus/\(id).md", TemporaryWorkspace.interview(
                id: id, participants: "[\(speaker)]",
                body: "**\(speaker):** Larmet går på natten och då ringer jag till hemtjänsten och väntar.")
                .replacingOccurrences(of: "date: 2025-03-12", with: "date: 2025-03-\(day)"))
        }
        let warnings = try await workspace.ingest().warnings.filter { $0.message.contains("withdrawn consent") }
        #expect(warnings.map(\.message) == [
            "example 2 of need quotes R16, R14, R17, who have withdrawn consent: remove or replace it "
                + "(pages and exports show it as withheld until then)",
        ])
    }

    /// Only words withheld because consent was withdrawn are asked about (the check reads only
    /// the documents where the rule withholds someone for that): R16's interview, made before
    /// R16 consented, quotes the same example and is withheld too, but R16 withdrew nothing and
    /// is not named; R14, who withdrew, still is.
    @Test func wordsWithheldForAnotherReasonAreNotWarnedOf() async throws {
        let register = Self.participants(withdrawn: true) + "\n  - id: R16\n    role: resident\n    consents:\n"
            + "      - {id: c-r16, date: 2025-06-01, scopes: [interview, quote]}"
        let workspace = try await TemporaryWorkspace(participants: register, codebook: Self.codebook)
        for (id, speaker) in [("int-a", "R16"), ("int-b", "R14")] {
            try workspace.write("corpus/\(id).md", TemporaryWorkspace.interview(
                id: id, participants: "[\(speaker)]",
                body: "**\(speaker):** Larmet går på natten och då ringer jag till hemtjänsten och väntar."))
        }
        let summary = try await workspace.ingest()
        #expect(summary.succeeded)
        #expect(summary.warnings.filter { $0.message.contains("withdrawn consent") }.map(\.message) == [
            "example 2 of need quotes R14, who has withdrawn consent: remove or replace it "
                + "(pages and exports show it as withheld until then)",
        ])
        // R16's words are withheld all the same: the codebook page marks the example.
        let shown = try await ShownCodebook(store: workspace.context.store).marked()
        #expect(shown.withheld.total == 1)
    }
}
