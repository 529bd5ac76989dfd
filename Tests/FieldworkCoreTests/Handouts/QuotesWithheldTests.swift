@testable import FieldworkCore
import Foundation
import Testing

/// What counts as a quote withheld for consent, case by case (`QuotesWithheld`).
struct QuotesWithheldTests {
    static let register: [Participant] = [
        HandoutQuotesTests.resident("R01"),
        HandoutQuotesTests.resident("R06", scopes: [.interview, .workshop]),
        Participant(id: "S02", role: .staff, consents: [Consent(id: "c-S02", date: "2025-01-01", scopes: [.interview])]),
    ]

    static func passage(_ participants: [String], basis: Attribution.Basis = .speaker, segment: Int?, start: Int = 0) -> CodedPassage {
        var passage = HandoutQuotesTests.passage("Ord \(start)", Attribution(participants: participants, basis: basis), start: start)
        passage.segmentIndex = segment
        return passage
    }

    @Test func onePassageCountsOnceAndOnlyConsentWithholds() {
        let consent = ConsentRule(participants: Self.register, today: "2025-09-01")
        #expect(QuotesWithheld.count([
            Self.passage(["R06"], segment: 1, start: 0),  // no quote consent: withheld…
            Self.passage(["R06"], segment: 1, start: 5),  // …and a second coding of the same turn counts once
            Self.passage(["S02"], segment: 2),  // staff without quote consent: withheld too
            Self.passage(["R01"], segment: 3),  // quote consent: not withheld
            Self.passage([], basis: .groupNote, segment: 4),  // a group note is nobody's words: not withheld
            Self.passage(["R06"], segment: nil, start: 40),  // outside any segment: its span is the passage
        ], consent: consent) == 3)
        // Words restricted to named coders are left out for everyone else, and said to be: R01
        // consents to quoting, but Bo may not see R01's words; Ann may.
        let policy = AccessPolicy(restrictions: [.init(target: .participant("R01"), coders: ["ann"])])
        let forBo = ConsentRule(participants: Self.register, today: "2025-09-01", access: policy.rule(for: "bo"))
        let forAnn = ConsentRule(participants: Self.register, today: "2025-09-01", access: policy.rule(for: "ann"))
        #expect(QuotesWithheld.isWithheld(Self.passage(["R01"], segment: 3), consent: forBo))
        #expect(!QuotesWithheld.isWithheld(Self.passage(["R01"], segment: 3), consent: forAnn))
    }
}
