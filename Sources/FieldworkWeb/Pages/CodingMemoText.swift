import FieldworkCore

/// A coding's memo as a read-only page shows it (retrieval, a cell's passages, the print view).
/// Accepting a code into the consensus writes the memo `accepted by NAME` (`Consensus`), stored
/// as written; a Swedish page said it in English, so it is said as the disagreements page says
/// it. The coding's card, where the memo is edited, keeps the stored text.
enum CodingMemoText {
    static func text(_ coding: Coding, t: Localizer) -> String? {
        guard let memo = coding.memo else { return nil }
        guard let decider = Consensus.decider(ofAcceptanceMemo: memo, coder: coding.coder) else { return memo }
        return t("disagreements.acceptedBy", ["name": decider])
    }
}
