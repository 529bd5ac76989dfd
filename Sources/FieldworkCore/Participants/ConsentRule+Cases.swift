extension ConsentRule {
    /// Why a participant's register details (administrations, attributes) are not shown to the
    /// person this rule is for: restricted to other coders (`access.yaml`), or no consent of
    /// theirs in force today (`ConsentStatus.noneInForce`); nil when they may be. One rule for
    /// every table of people: QDPX cases, the participants export, the case matrix's attributes
    /// and the retrieval page's attribute picker.
    public func caseWithheld(_ person: Participant) -> Reason? {
        if let access, !access.allows(participant: person.id) { return .restricted }
        return ConsentStatus(person, on: today).noneInForce
    }
}
