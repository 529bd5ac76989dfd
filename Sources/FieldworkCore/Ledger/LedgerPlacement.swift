/// Places a coding read from a ledger in this machine's text of its document, with the same
/// guarantees as re-anchoring at ingest: where its author left it if the quote is still there,
/// else where `AnchorResolver` finds it with confidence, else orphaned (kept, listed, never moved
/// silently).
public enum LedgerPlacement {
    public static func place(_ coding: Coding, in text: ScalarText) -> Coding {
        var placed = coding
        let quote = Array(coding.quote.unicodeScalars)
        if text.matches(quote, at: coding.start) {
            placed.anchor = TextQuoteAnchor(span: coding.anchor.span, in: text)
            placed.status = .anchored
            placed.anchorMethod = nil
        } else if let resolution = AnchorResolver.resolve(coding.anchor, in: text) {
            placed.anchor = resolution.anchor(in: text)
            placed.status = .anchored
            placed.anchorMethod = resolution.method
        } else {
            placed.status = .orphaned
            placed.anchorMethod = nil
        }
        return placed
    }
}
