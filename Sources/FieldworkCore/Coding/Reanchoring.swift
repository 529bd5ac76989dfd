/// What happened to each coding of a document whose text changed.
public struct ReanchorReport: Sendable, Hashable {
    public var updated: [Coding] = []
    public var reanchored = 0
    public var orphaned = 0
    public var recovered = 0

    public init() {}
}

/// Moves a document's codings into its new text (see `AnchorResolver` for the rules).
///
/// Orphans are tried again too: if their text comes back (an edit undone), they re-attach.
public enum Reanchoring {
    /// - Parameter previous: the text the codings were anchored in, when known: it lets the
    ///   resolver tell a moved passage from a deleted one that also exists elsewhere.
    public static func reanchor(_ codings: [Coding], into text: ScalarText, previous: ScalarText? = nil) -> ReanchorReport {
        var report = ReanchorReport()
        for var coding in codings {
            let wasOrphan = coding.status == .orphaned
            if let resolution = AnchorResolver.resolve(coding.anchor, in: text, previous: wasOrphan ? nil : previous) {
                let moved = resolution.span != coding.anchor.span || wasOrphan
                    || text[resolution.span] != coding.anchor.quote
                let fresh = TextQuoteAnchor(span: resolution.span, in: text)
                if fresh != coding.anchor || wasOrphan {
                    coding.anchor = fresh
                    coding.status = .anchored
                    coding.anchorMethod = resolution.method
                    coding.version += 1
                    report.updated.append(coding)
                }
                if wasOrphan { report.recovered += 1 } else if moved { report.reanchored += 1 }
            } else if !wasOrphan {
                coding.status = .orphaned
                coding.anchorMethod = nil
                coding.version += 1
                report.updated.append(coding)
                report.orphaned += 1
            }
        }
        return report
    }
}
