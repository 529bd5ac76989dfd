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
            "codebooks/codebook.yaml:3: example 2 of need quotes R14, who has withdrawn consent: remove or replace it "
                + "(pages and exports show it as withheld until then)",
        ])
        #expect(!warnings.contains { $0.message.contains("larmet") }, "the warning must not hold the words")
        // Only when the register or the codebook changed: an unchanged run reads no corpus for it.
        #expect(try await workspace.ingest().warnings.allSatisfy { !$0.message.contains("withdrawn consent") })
    }
}
