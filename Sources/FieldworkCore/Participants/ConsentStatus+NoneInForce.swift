extension ConsentStatus {
    /// Why a participant is no case today: every consent withdrawn, or none recorded; nil while
    /// any consent holds. Such a participant's register details (administrations, attributes)
    /// travel into no export or table, only their pseudonym and role (QDPX cases, the
    /// participants table, the case matrix's attribute columns).
    public var noneInForce: ConsentRule.Reason? {
        switch state {
        case .withdrawn: .withdrawn
        case .none: .notGiven
        case .active, .partlyWithdrawn: nil
        }
    }
}
