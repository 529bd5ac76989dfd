/// Re-anchors a coding's `TextQuoteAnchor` into a new version of its document's plain text.
///
/// What re-anchoring guarantees (the rules below are the product's safety contract; a coding that
/// cannot be placed with confidence is orphaned, i.e. `resolve` returns `nil`, and is kept for
/// review — it is never silently attached to a different passage):
///
/// 1. Position: the quote still sits at its stored offsets and its context fits well (every stored
///    context side with evidence is >= 0.9 similar) → kept, `.position`.
/// 2. Exact: every exact occurrence is scored by quote (50), prefix (20), suffix (20) and
///    closeness to the old offset (2). A unique best whose context fits well is taken at once.
/// 3. Fuzzy: otherwise approximate occurrences with at most `quote.count / 4` edits (quotes of 4
///    scalars or more) join the exact ones, and the best *eligible* candidate is taken:
///    - an exact occurrence is eligible when one context side is >= 0.7 similar;
///    - a fuzzy occurrence always needs context: one side >= 0.7 for quotes of 32+ scalars, every
///      side with evidence >= 0.7 for shorter quotes (a short approximate quote is weak evidence);
///    - it is ambiguous, and orphaned, when any other non-overlapping candidate (eligible or not)
///      comes within 0.02 of its quote+context score: offsets shift with every edit, so distance
///      from the old position never decides between two equally good places;
///    - it is orphaned when the stored prefix and suffix now meet back to back somewhere (both
///      >= 0.7) and fit there better than around the candidate: the quote was cut out, and the
///      candidate is only a nearby repeat ("stänga av det. Men det tar" minus the first "det").
/// 4. Standalone: a long, distinctive quote (32+ scalars, 16+ letters or digits) with exactly one
///    exact occurrence, no eligible candidate and no near-equal rival is taken even though both
///    contexts changed — a whole paragraph moved. Shorter quotes are never accepted without context.
/// 5. Otherwise orphaned. In particular a deleted quote does not jump to another occurrence of the
///    same short word, and an empty quote is always orphaned.
///
/// A context side carries evidence only when at least 8 scalars of it were stored (a quote at the
/// very start of a document has no prefix; "R: " alone would match every speaker turn).
public enum AnchorResolver {
    static let quoteWeight = 50.0
    static let contextWeight = 20.0
    static let positionWeight = 2.0
    /// A context side at or above this supports a candidate; random text around another
    /// occurrence of a word rarely reaches it (see the calibration test).
    static let supportThreshold = 0.7
    /// Context this similar on every side means "the same place": no need to search further.
    static let strongThreshold = 0.9
    static let minimumContextEvidence = 8
    static let standaloneMinimumLength = 32
    static let standaloneMinimumAlphanumerics = 16
    static let fuzzyMinimumLength = 4
    static let ambiguityMargin = 0.02

    public static func resolve(_ anchor: TextQuoteAnchor, in text: ScalarText) -> AnchorResolution? {
        let query = Query(anchor: anchor, text: text.scalars)
        let quote = query.quote
        guard !quote.isEmpty, quote.count <= text.count else { return nil }

        // 1. Position: O(quote + context), the common case when a document is re-ingested.
        if text.matches(quote, at: anchor.start) {
            let here = query.candidate(anchor.start..<anchor.start + quote.count, errors: 0, method: .position)
            if here.isStrong || !here.hasEvidence { return here.resolution }
        }

        // 2. Exact occurrences; the stored offset is one of them when only the context changed.
        let exact = text.occurrences(of: quote).map { start in
            query.candidate(start..<start + quote.count, errors: 0, method: start == anchor.start ? .position : .exact)
        }
        if let best = choose(from: exact, query: query), best.isStrong { return best.resolution }

        // 3. Fuzzy occurrences that do not overlap an exact one (those are at least as good).
        var all = exact
        if quote.count >= fuzzyMinimumLength {
            let exactStarts = exact.map(\.span.lowerBound)
            for match in ApproximateMatcher.matches(pattern: quote, in: query.text, maxErrors: quote.count / 4)
            where !overlapsExact(match.range, exactStarts: exactStarts, quoteLength: quote.count) {
                all.append(query.candidate(match.range, errors: match.errors, method: .fuzzy))
            }
        }
        if let best = choose(from: all, query: query) { return best.resolution }

        // 4. Standalone: a unique, long, distinctive quote whose surroundings both changed.
        if exact.count == 1, isDistinctive(quote) {
            let only = exact[0]
            let rivals = all.filter { !$0.span.overlaps(only.span) && $0.content >= only.content - ambiguityMargin }
            if rivals.isEmpty { return only.resolution }
        }
        return nil
    }

    /// Resolves many anchors against one text (e.g. all codings of a re-ingested document).
    public static func resolve(_ anchors: [TextQuoteAnchor], in text: ScalarText) -> [AnchorResolution?] {
        anchors.map { resolve($0, in: text) }
    }

    /// The best eligible candidate, unless another candidate is nearly as good (ambiguous) or the
    /// stored context shows the quote was cut out (see `contextRejoins`).
    private static func choose(from candidates: [Candidate], query: Query) -> Candidate? {
        guard let best = candidates.filter(\.isEligible).max(by: { $0.total < $1.total }) else { return nil }
        let ambiguous = candidates.contains {
            !$0.span.overlaps(best.span) && $0.content >= best.content - ambiguityMargin
        }
        return ambiguous || contextRejoins(beating: best, query: query) ? nil : best
    }

    /// Deletion check: whether the stored prefix and suffix now sit back to back somewhere, each
    /// side supported and together fitting better than they fit around `candidate`. Then the quote
    /// was cut out from between them, and `candidate` is merely another occurrence whose context
    /// overlaps (typically the same word a few scalars away: "stänga av det. Men det tar").
    /// The junction is found with the approximate matcher on prefix + suffix, then the exact
    /// split point is searched within the matcher's error bound.
    private static func contextRejoins(beating candidate: Candidate, query: Query) -> Bool {
        guard let prefix = query.prefix, let suffix = query.suffix,
              let fitPrefix = candidate.prefix, let fitSuffix = candidate.suffix else { return false }
        let fit = fitPrefix + fitSuffix
        guard fit < 2 else { return false }  // a perfect fit cannot be beaten
        let joined = prefix + suffix
        let slack = joined.count / 4
        for match in ApproximateMatcher.matches(pattern: joined, in: query.text, maxErrors: slack) {
            let split = match.start + prefix.count
            for boundary in max(match.start, split - slack)...min(match.end, split + slack) {
                let before = ContextSimilarity.prefix(prefix, in: query.text, endingAt: boundary)
                guard before >= supportThreshold else { continue }
                let after = ContextSimilarity.suffix(suffix, in: query.text, startingAt: boundary)
                if after >= supportThreshold, before + after > fit { return true }
            }
        }
        return false
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
    typealias Resolver = AnchorResolver
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
    var isStrong: Bool { hasEvidence && sides.allSatisfy { $0 >= Resolver.strongThreshold } }

    /// The context rules of `AnchorResolver` (step 3).
    var isEligible: Bool {
        guard hasEvidence else { return false }
        if method == .fuzzy && quoteLength < Resolver.standaloneMinimumLength {
            return sides.allSatisfy { $0 >= Resolver.supportThreshold }
        }
        return sides.contains { $0 >= Resolver.supportThreshold }
    }

    /// Quote and context evidence in 0...1: what distinguishes one place from another.
    var content: Double {
        let weight = Resolver.quoteWeight + Resolver.contextWeight * Double(sides.count)
        return (Resolver.quoteWeight * quote + Resolver.contextWeight * sides.reduce(0, +)) / weight
    }

    /// Content plus closeness to the old offset, Hypothesis-style weights; used for ranking.
    var total: Double {
        let weight = Resolver.quoteWeight + Resolver.contextWeight * Double(sides.count) + Resolver.positionWeight
        return (Resolver.quoteWeight * quote + Resolver.contextWeight * sides.reduce(0, +)
            + Resolver.positionWeight * proximity) / weight
    }

    var resolution: AnchorResolution {
        AnchorResolution(span: span, method: method, score: total, errors: errors)
    }
}
