@testable import FieldworkCore
import Testing

struct AccessRuleTests {
    static let policy = AccessPolicy(restrictions: [
        .init(target: .documentType(.policyLab), coders: ["Anna", "Bo"]),
        .init(target: .participant("R07"), coders: ["Anna"]),
    ])

    @Test func restrictedMaterialIsShownOnlyToTheNamedCoders() {
        let anna = Self.policy.rule(for: " anna ")!
        let bo = Self.policy.rule(for: "Bo")!
        let nobody = Self.policy.rule(for: nil)!
        #expect(anna.allows(people: ["R07"], type: .interview))
        #expect(!bo.allows(people: ["R07", "R01"], type: .workshop))
        #expect(bo.allows(people: ["R01"], type: .policyLab))
        #expect(!nobody.allows(people: [], type: .policyLab))
        #expect(nobody.allows(people: ["R01"], type: .interview))
    }

    @Test func theConsentRuleWithholdsRestrictedWordsWithItsOwnReason() {
        let consent = Consent(id: "c", date: "2025-01-01", scopes: [.interview])
        let people = [Participant(id: "R07", role: .resident, consents: [consent])]
        let rule = ConsentRule(participants: people, today: "2026-01-01", access: Self.policy.rule(for: "Bo"))
        #expect(rule.words(of: ["R07"], type: .interview, date: "2025-02-01") == .withheld(.restricted))
        #expect(ConsentRule.Reason.restricted.marker == "withheld: access (restricted to named coders)")
        #expect(ConsentRule(participants: people, today: "2026-01-01", access: Self.policy.rule(for: "Anna"))
            .words(of: ["R07"], type: .interview, date: "2025-02-01") == .allowed)
    }
}
