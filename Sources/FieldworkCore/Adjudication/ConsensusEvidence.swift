/// The evidence of an adjudicated study: where the team decided, its decision; elsewhere, what
/// the coders coded.
///
/// Adjudication works passage by passage (a segment the coders disagree on) and code by code:
/// an accepted code becomes a coding of the consensus coder over the passage, a dismissed one a
/// note. Codes every coder applied are never disputed, so they have no consensus coding. So
/// per segment and code: the consensus's coding where it accepted the code (the coders' own
/// codings of it there are the same evidence, not more), nothing where the code was dismissed,
/// everyone's codings otherwise (agreed, or still open).
public enum ConsensusEvidence {
    /// A dismissal: `code` was not taken for the passage `[start, end)` of `documentID`.
    public struct Dismissal: Sendable, Hashable {
        public var documentID: String
        public var code: String
        public var start: Int
        public var end: Int

        public init(documentID: String, code: String, start: Int, end: Int) {
            self.documentID = documentID
            self.code = code
            self.start = start
            self.end = end
        }
    }

    public static func select(_ passages: [CodedPassage], dismissals: [Dismissal]) -> [CodedPassage] {
        struct Key: Hashable { let document: String; let segment: Int; let code: String }
        func key(_ passage: CodedPassage) -> Key? {
            passage.segmentIndex.map { Key(document: passage.document.id, segment: $0, code: passage.coding.codeID) }
        }
        let accepted = Set(passages.filter { $0.coding.coder == Consensus.coder }.compactMap(key))
        let dismissedByDocument = Dictionary(grouping: dismissals, by: \.documentID)
        return passages.filter { passage in
            if let key = key(passage), accepted.contains(key) { return passage.coding.coder == Consensus.coder }
            // A coding belongs to the passage its start lies in (the segment's span).
            let dismissed = dismissedByDocument[passage.document.id]?.contains {
                $0.code == passage.coding.codeID && $0.start <= passage.coding.start && passage.coding.start < $0.end
            } ?? false
            return !dismissed
        }
    }
}
