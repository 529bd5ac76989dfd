/// Re-anchors a coding's `TextQuoteAnchor` into a new version of its document's plain text.
///
/// What re-anchoring guarantees (the safety contract; a coding that cannot be placed with
/// confidence is orphaned — `resolve` returns `nil` — and kept for review, never silently attached
/// to a different passage):
///
/// 1. Position: the quote still sits at its stored offsets and every stored context side is
///    >= 0.9 similar → kept, `.position`.
/// 2. Exact: every exact occurrence is scored by quote (50), prefix (20), suffix (20) and
///    closeness to the old offset (2). A best one whose context fits that well is taken at once.
/// 3. Fuzzy: otherwise approximate occurrences with at most `quote.count / 4` edits (quotes of 4+
///    scalars) join the exact ones, and the best *supported* candidate is taken, where
///    - an exact occurrence is supported by one context side >= 0.75, or both >= 0.55 summing
///      to >= 1.3 (both sides edited, e.g. timestamps inserted either side);
///    - a fuzzy occurrence needs the same, and for quotes under 32 scalars every side >= 0.75
///      (a short approximate quote is weak evidence on its own);
///    - it is ambiguous, and orphaned, when any other non-overlapping candidate (supported or
///      not) comes within 0.02 of its quote+context score: offsets shift with every edit, so
///      the old position never decides between two equally good places;
///    - it is orphaned when the stored prefix and suffix both still fit (>= 0.7) somewhere else,
///      at most two quote lengths apart, at least as well as around the candidate: that is where
///      the quote lived, and it was deleted or rewritten there. This catches a deleted word whose
///      repeat sits a few scalars away ("stänga av det. Men det tar" minus the first "det").
/// 4. Standalone: a long, distinctive quote (32+ scalars, 16+ letters or digits) with exactly one
///    exact occurrence and no near-equal rival is taken even though both contexts changed — a
///    whole paragraph moved. When the previous text is supplied, the quote must also have occurred
///    exactly once there (so it moved, rather than being deleted while a copy exists elsewhere).
///    Shorter quotes are never accepted without context.
/// 5. Otherwise orphaned; an empty quote is always orphaned.
///
/// A context side carries evidence only when at least 8 scalars of it were stored (a quote at the
/// very start of a document has no prefix; "R: " alone would match every speaker turn).
public enum AnchorResolver {
    static let quoteWeight = 50.0
    static let contextWeight = 20.0
    static let positionWeight = 2.0
    /// One context side at or above this supports a candidate. Calibrated on transcripts: the
    /// context of an unrelated occurrence of the same word, sharing only speaker labels and
    /// timestamps, reaches about 0.66, rarely 0.8; the home check covers the rest.
    static let supportThreshold = 0.75
    static let pairedSupportMinimum = 0.55
    static let pairedSupportSum = 1.3
    /// Context this similar on every side means "the same place": no need to search further.
    static let strongThreshold = 0.9
    static let homeThreshold = 0.7
    static let homeMargin = 0.05
    static let minimumContextEvidence = 8
    static let standaloneMinimumLength = 32
    static let standaloneMinimumAlphanumerics = 16
    static let fuzzyMinimumLength = 4
    static let ambiguityMargin = 0.02

    /// The new place of `anchor` in `text`, or `nil` when the coding must be orphaned.
    /// - Parameter previous: the text the anchor was made against, if still at hand; it lets a
    ///   long quote whose context changed entirely be accepted only when it was unique before too.
    public static func resolve(
        _ anchor: TextQuoteAnchor, in text: ScalarText, previous: ScalarText? = nil
    ) -> AnchorResolution? {
        let query = Query(anchor: anchor, text: text.scalars)
        let quote = query.quote
        guard !quote.isEmpty, quote.count <= text.count else { return nil }

        // 1. Position: O(quote + context), the common case when a document is re-ingested.
        if text.matches(quote, at: anchor.start) {
            let here = query.candidate(anchor.start..<anchor.start + quote.count, errors: 0, method: .position)
            if here.isStrong || !here.hasEvidence { return here.resolution }
        }

        // 2. Exact occurrences; the stored offset is one of them when only the context changed.
        var homes: [ContextHome]?
        let exact = text.occurrences(of: quote).map { start in
            query.candidate(start..<start + quote.count, errors: 0, method: start == anchor.start ? .position : .exact)
        }
        if let best = choose(from: exact, query: query, homes: &homes), best.isStrong { return best.resolution }

        // 3. Fuzzy occurrences that do not overlap an exact one (those are at least as good).
        var all = exact
        if quote.count >= fuzzyMinimumLength {
            let exactStarts = exact.map(\.span.lowerBound)
            for match in ApproximateMatcher.matches(pattern: quote, in: query.text, maxErrors: quote.count / 4)
            where !overlapsExact(match.range, exactStarts: exactStarts, quoteLength: quote.count) {
                all.append(query.candidate(match.range, errors: match.errors, method: .fuzzy))
            }
        }
        if let best = choose(from: all, query: query, homes: &homes) { return best.resolution }

        // 4. Standalone: a unique, long, distinctive quote whose surroundings both changed.
        guard exact.count == 1, isDistinctive(quote) else { return nil }
        if let previous, previous.occurrences(of: quote).count != 1 { return nil }
        let only = exact[0]
        let rivals = all.contains { !$0.span.overlaps(only.span) && $0.content >= only.content - ambiguityMargin }
        return rivals ? nil : only.resolution
    }

    /// Resolves many anchors against one text (e.g. all codings of a re-ingested document).
    public static func resolve(
        _ anchors: [TextQuoteAnchor], in text: ScalarText, previous: ScalarText? = nil
    ) -> [AnchorResolution?] {
        anchors.map { resolve($0, in: text, previous: previous) }
    }

    /// The best supported candidate, unless another candidate is nearly as good (ambiguous) or the
    /// stored context points to another place where the quote used to be (a home without it).
    private static func choose(from candidates: [Candidate], query: Query, homes: inout [ContextHome]?) -> Candidate? {
        guard let best = candidates.filter(\.isSupported).max(by: { $0.total < $1.total }) else { return nil }
        let ambiguous = candidates.contains {
            !$0.span.overlaps(best.span) && $0.content >= best.content - ambiguityMargin
        }
        if ambiguous { return nil }
        guard let prefix = query.prefix, let suffix = query.suffix else { return best }
        if homes == nil {
            homes = ContextSimilarity.homes(
                prefix: prefix, suffix: suffix, in: query.text,
                minimum: homeThreshold, maxGap: 2 * query.quote.count + 16)
        }
        let fit = (best.prefix ?? 0) + (best.suffix ?? 0)
        let elsewhere = homes!.contains { !$0.region.overlaps(best.span) && $0.fit >= fit - homeMargin }
        return elsewhere ? nil : best
    }

    /// Exact occurrences all have the quote's length, so `range` overlaps one iff some start lies
    /// in `(range.lowerBound - length, range.upperBound)`; `exactStarts` is sorted.
    private static func overlapsExact(_ range: Range<Int>, exactStarts: [Int], quoteLength: Int) -> Bool {
        var low = 0, high = exactStarts.count
        while low < high {
            let mid = (low + high) / 2
            if exactStarts[mid] <= range.lowerBound - quoteLength { low = mid + 1 } else { high = mid }
        }
        return low < exactStarts.count && exactStarts[low] < range.upperBound
    }

    /// Long enough and wordy enough that an exact repeat elsewhere is unlikely to be a coincidence
    /// (a row of dots or a repeated "ja, ja, ja" is not).
    static func isDistinctive(_ quote: [Unicode.Scalar]) -> Bool {
        guard quote.count >= standaloneMinimumLength else { return false }
        let alphanumerics = quote.lazy.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
        return alphanumerics >= standaloneMinimumAlphanumerics
    }
}

/// The stored anchor as scalars, plus the new text, for scoring candidates.
private struct Query {
    let quote: [Unicode.Scalar]
    /// `nil` when fewer than `minimumContextEvidence` scalars were stored: no evidence either way.
    let prefix: [Unicode.Scalar]?
    let suffix: [Unicode.Scalar]?
    let oldStart: Int
    let text: [Unicode.Scalar]

    init(anchor: TextQuoteAnchor, text: [Unicode.Scalar]) {
        func evidence(_ string: String) -> [Unicode.Scalar]? {
            let scalars = Array(string.unicodeScalars)
            return scalars.count >= AnchorResolver.minimumContextEvidence ? scalars : nil
        }
        quote = Array(anchor.quote.unicodeScalars)
        prefix = evidence(anchor.prefix)
        suffix = evidence(anchor.suffix)
        oldStart = anchor.start
        self.text = text
    }

    func candidate(_ span: Range<Int>, errors: Int, method: AnchorMethod) -> Candidate {
        let distance = Double(abs(span.lowerBound - oldStart)) / Double(max(text.count, 1))
        return Candidate(
            span: span, method: method, errors: errors, quoteLength: quote.count,
            quote: 1 - Double(errors) / Double(quote.count),
            prefix: prefix.map { ContextSimilarity.prefix($0, in: text, endingAt: span.lowerBound) },
            suffix: suffix.map { ContextSimilarity.suffix($0, in: text, startingAt: span.upperBound) },
            proximity: 1 - min(1, distance)
        )
    }
}

/// One place the quote might now be, with its evidence.
private struct Candidate {
    typealias Rules = AnchorResolver
    let span: Range<Int>
    let method: AnchorMethod
    let errors: Int
    let quoteLength: Int
    let quote: Double
    let prefix: Double?
    let suffix: Double?
    let proximity: Double

    private var sides: [Double] { [prefix, suffix].compactMap { $0 } }
    var hasEvidence: Bool { prefix != nil || suffix != nil }
    var isStrong: Bool { hasEvidence && sides.allSatisfy { $0 >= Rules.strongThreshold } }

    /// The context rules of step 3.
    var isSupported: Bool {
        guard hasEvidence else { return false }
        if method == .fuzzy && quoteLength < Rules.standaloneMinimumLength {
            return sides.allSatisfy { $0 >= Rules.supportThreshold }
        }
        if sides.contains(where: { $0 >= Rules.supportThreshold }) { return true }
        return sides.count == 2 && sides.allSatisfy { $0 >= Rules.pairedSupportMinimum }
            && sides.reduce(0, +) >= Rules.pairedSupportSum
    }

    /// Quote and context evidence in 0...1: what distinguishes one place from another.
    var content: Double {
        let weight = Rules.quoteWeight + Rules.contextWeight * Double(sides.count)
        return (Rules.quoteWeight * quote + Rules.contextWeight * sides.reduce(0, +)) / weight
    }

    /// Content plus closeness to the old offset, Hypothesis-style weights; used for ranking.
    var total: Double {
        let weight = Rules.quoteWeight + Rules.contextWeight * Double(sides.count) + Rules.positionWeight
        return (Rules.quoteWeight * quote + Rules.contextWeight * sides.reduce(0, +)
            + Rules.positionWeight * proximity) / weight
    }

    var resolution: AnchorResolution {
        AnchorResolution(span: span, method: method, score: total, errors: errors)
    }
}
