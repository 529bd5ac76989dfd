import FieldworkCore
import Testing

/// `mayWithhold` lets a search for withdrawn words skip people without asking about each of
/// their documents, so it must never say no for someone whose words some material withholds as
/// withdrawn: checked against `words(of:)` for every person, kind of material and date here.
@Suite struct ConsentRuleMayWithholdTests {
    static let today = "2026-12-03"
    static let people = [
        Participant(id: "never", role: .resident, consents: [Consent(id: "c1", date: "2025-02-01", scopes: [.interview, .workshop])]),
        Participant(id: "late", role: .resident, consents: [Consent(id: "c2", date: "2025-09-01", scopes: [.interview])]),
        Participant(id: "gone", role: .resident, consents: [Consent(id: "c3", date: "2025-02-01", scopes: [.interview], withdrawn: "2025-06-01")]),
        Participant(id: "soon", role: .resident, consents: [Consent(id: "c4", date: "2025-02-01", scopes: [.interview], withdrawn: "2027-01-01")]),
        Participant(id: "today", role: .resident, consents: [Consent(id: "c5", date: "2025-02-01", scopes: [.workshop], withdrawn: today)]),
        // Withdrew only the workshop scope, by an amendment.
        Participant(id: "amended", role: .resident, consents: [Consent(
            id: "c6", date: "2025-02-01", scopes: [.interview, .workshop],
            events: [ConsentEvent(kind: .given, date: "2025-02-01", by: "Anna", how: "form"),
                     ConsentEvent(kind: .amended, date: "2025-05-01", by: "Anna", how: "phone", scopes: [.interview])])]),
    ]

    @Test func itNeverSkipsSomeoneWhoseWordsAreWithheldAsWithdrawn() {
        let rule = ConsentRule(participants: Self.people, today: Self.today)
        var withdrawn: Set<String> = []
        for person in Self.people {
            for type in [DocumentType.interview, .workshop, .policyLab] {
                for date in [nil, "2025-01-15", "2025-03-01", "2025-07-01", "2025-10-01", "2026-12-03"] as [String?] {
                    if rule.words(of: [person.id], type: type, date: date) == .withheld(.withdrawn) { withdrawn.insert(person.id) }
                }
            }
        }
        #expect(withdrawn == ["gone", "today", "amended"])
        #expect(Set(Self.people.map(\.id).filter { rule.mayWithhold($0, for: [.withdrawn]) }) == withdrawn)
        // Asked about any other reason, everyone may be withheld ("late" has no consent yet in March).
        #expect(Self.people.allSatisfy { rule.mayWithhold($0.id, for: [.withdrawn, .notGiven]) })
        #expect(rule.words(of: ["late"], type: .interview, date: "2025-03-01") == .withheld(.notGiven))
    }
}
