/// The checks an import batch must pass against the stored state before anything is written:
/// one rule for both stores, so a batch is accepted or refused with the same problems on each.
extension ExchangeBatch {
    /// The documents the batch's codings and document memos point at (their texts are checked).
    public var referencedDocumentIDs: Set<String> {
        Set(codings.map(\.documentID)).union(memos.filter { $0.target == .document }.map(\.targetID))
    }

    /// Every problem of the batch, in batch order: a coding whose code is not in the codebook,
    /// whose document does not exist, whose span is outside the text or whose quote is not the
    /// text there; a memo whose document or code does not exist.
    /// - Parameter texts: the plain text of each stored document of `referencedDocumentIDs`
    ///   (a missing key is a missing document).
    public func problems(codeIDs: Set<String>, texts: [String: ScalarText]) -> [String] {
        var problems: [String] = []
        for coding in codings {
            if !codeIDs.contains(coding.codeID) {
                problems.append("coding \(coding.id): unknown code '\(coding.codeID)'")
            }
            guard let text = texts[coding.documentID] else {
                problems.append("coding \(coding.id): no document '\(coding.documentID)'")
                continue
            }
            if !text.isValidSpan(coding.anchor.span) {
                problems.append("coding \(coding.id): span [\(coding.start), \(coding.end)) is not inside "
                    + "\(coding.documentID) (\(text.count) scalars)")
            } else if text[coding.anchor.span] != coding.quote {
                problems.append("coding \(coding.id): the text of \(coding.documentID) at [\(coding.start), \(coding.end)) changed")
            }
        }
        for memo in memos {
            switch memo.target {
            case .project:
                continue
            case .document:
                if texts[memo.targetID] == nil { problems.append("memo \(memo.id): no document '\(memo.targetID)'") }
            case .code:
                if !codeIDs.contains(memo.targetID) { problems.append("memo \(memo.id): unknown code '\(memo.targetID)'") }
            }
        }
        return problems
    }
}
