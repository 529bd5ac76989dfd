import FieldworkCore
import Testing

/// Undated material is taken as made on the day of the person's first consent: a scope an
/// amendment added later does not reach it (found by a new user: an imported transcript without
/// `date:` was judged as made today, and quoted before the quote scope was given).
@Suite struct ConsentRuleUndatedTests {
    static let person = Participant(id: "R08", role: .resident, consents: [Consent(
        id: "c-r08", date: "2025-03-01", scopes: [.interview],
        events: [ConsentEvent(kind: .given, date: "2025-03-01", by: "Anna", how: "form"),
                 ConsentEvent(kind: .amended, date: "2025-06-10", by: "Anna", how: "phone", scopes: [.interview, .quote])])])

    @Test func aScopeAddedLaterDoesNotReachUndatedMaterial() {
        let rule = ConsentRule(participants: [Self.person], today: "2026-12-03")
        #expect(rule.words(of: ["R08"], type: .interview, date: nil) == .allowed)
        #expect(rule.words(of: ["R08"], type: .interview, date: nil, quoting: true) == .withheld(.noQuote))
        // Dated after the amendment: quoted; before it: not.
        #expect(rule.words(of: ["R08"], type: .interview, date: "2025-07-01", quoting: true) == .allowed)
        #expect(rule.words(of: ["R08"], type: .interview, date: "2025-04-08", quoting: true) == .withheld(.noQuote))
    }
}
