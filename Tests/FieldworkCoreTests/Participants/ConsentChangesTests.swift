import FieldworkCore
import Testing

/// The consent entries of the audit log: an amendment with its own date and scopes (it was logged
/// with the consent's first scopes and no date), a change of other fields named as such, and
/// every other shape as before (found by a new user).
@Suite struct ConsentChangesTests {
    static let given = ConsentEvent(kind: .given, date: "2025-01-10", by: "Anna", how: "form")
    static let consent = Consent(id: "c-r02", date: "2025-01-10", scopes: [.interview, .recording], events: [given])

    @Test func anAmendmentSaysItsDateAndTheScopesItSet() {
        var amended = Self.consent
        amended.events.append(ConsentEvent(kind: .amended, date: "2025-06-01", by: "Bo", how: "phone", scopes: [.interview, .workshop, .quote]))
        #expect(ConsentChanges.lines(from: [Self.consent], to: [amended]) == ["c-r02 amended 2025-06-01 (interview workshop quote)"])
    }

    @Test func eachShapeOfChangeHasItsLine() {
        var withdrawn = Self.consent
        withdrawn.withdrawn = "2025-09-01"
        #expect(ConsentChanges.lines(from: [Self.consent], to: [withdrawn]) == ["c-r02 withdrawn 2025-09-01 (interview recording)"])
        #expect(ConsentChanges.lines(from: [withdrawn], to: [Self.consent]) == ["c-r02 withdrawal undone"])
        var kept = Self.consent
        kept.retainUntil = "2028-12-31"
        #expect(ConsentChanges.lines(from: [Self.consent], to: [kept]) == ["c-r02 changed: retain_until — → 2028-12-31"])
        var shortened = kept
        shortened.retainUntil = "2026-06-30"
        shortened.notice = nil
        #expect(ConsentChanges.lines(from: [kept], to: [shortened]) == ["c-r02 changed: retain_until 2028-12-31 → 2026-06-30"])
        let second = Consent(id: "c-r02b", date: "2025-03-01", scopes: [.telemetry])
        #expect(ConsentChanges.lines(from: [Self.consent], to: [Self.consent, second]) == ["c-r02b given 2025-03-01 (telemetry)"])
        #expect(ConsentChanges.lines(from: [Self.consent, second], to: [second]) == ["c-r02 removed"])
        #expect(ConsentChanges.lines(from: [Self.consent], to: [Self.consent]) == [])
        // A participant new to the register: each consent given.
        #expect(ConsentChanges.lines(from: nil, to: [Self.consent]) == ["c-r02 given 2025-01-10 (interview recording)"])
    }
}
