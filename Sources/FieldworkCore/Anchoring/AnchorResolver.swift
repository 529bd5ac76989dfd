/// Re-anchors a coding's `TextQuoteAnchor` into a new version of its document's plain text.
///
/// What re-anchoring guarantees (the safety contract; a coding that cannot be placed with
/// confidence is orphaned — `resolve` returns `nil` — and kept for review, never silently attached
/// to a different passage):
///
/// 1. Position: the quote still sits at its stored offsets and every stored context side is
///    >= 0.9 similar → kept, `.position`.
/// 2. Exact: every exact occurrence is scored by quote (50), prefix (20), suffix (20) and
///    closeness to the old offset (2), each context side counting only its similarity above 0.5
///    (what unrelated text reaches). A best one whose context fits >= 0.9 is taken at once.
/// 3. Fuzzy: otherwise approximate occurrences with at most `quote.count / 4` edits (quotes of 4+
///    scalars) join the exact ones, and the best *supported* candidate is taken, where
///    - a candidate whose every context side is >= 0.85 (>= 0.75 for quotes of 32+ scalars) is
///      supported wherever it is: the passage moved with its surroundings;
///    - partial context also supports an exact occurrence, or a fuzzy one of a 32+ scalar quote:
///      one side above that threshold, or both sides >= 0.55 summing to >= 1.3 (both edited, e.g.
///      timestamps inserted either side; not for quotes under 16 scalars). For quotes under 32
///      scalars it counts only within 2,000 scalars (or a tenth of the text) of the old offset:
///      formulaic phrases ("Jag vet inte riktigt, men ...") recur with the same words on one side
///      all through a transcript;
///    - it is ambiguous, and orphaned, when any other non-overlapping candidate (supported or
///      not) comes within 0.02 of its quote+context score: offsets shift with every edit, so
///      the old position never decides between two equally good places;
///    - it is orphaned when the stored prefix and suffix both still fit (>= 0.7) together at
///      another place, at most two quote lengths apart, and "the quote was deleted or rewritten
///      there" explains the new text with no more edits than "the quote is at the candidate"
///      (a removal counts as its length, at most 16). This catches a deleted word whose repeat
///      sits nearby ("stänga av det. Men det tar" minus the first "det"; "jag, jag tror").
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
    /// One context side at or above this supports a candidate. Calibrated on transcripts: around
    /// an unrelated occurrence of the same words, speaker labels and timestamps lift a side to
    /// ~0.66 (99.9th percentile), and formulaic turn openings to 0.84 in synthetic worst cases.
    static let supportThreshold = 0.75
    static let shortQuoteSupportThreshold = 0.85
    static let pairedSupportMinimum = 0.55
    static let pairedSupportSum = 1.3
    static let pairedSupportMinimumLength = 16
    /// Context this similar on every side means "the same place": no need to search further.
    static let strongThreshold = 0.9
    /// Side similarity that unrelated text around another occurrence typically reaches; only
    /// similarity above it counts as evidence when ranking candidates.
    static let chanceSimilarity = 0.5
    static let homeThreshold = 0.7
    static let removalCost = 16
    static let minimumContextEvidence = 8
    /// "Near the old position": within this many scalars, or a tenth of the text if larger.
    static let neighbourhood = 2_000
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
                let span = query.atWordEdges(query.withoutGainedBlanks(match.range), within: quote.count / 4)
                all.append(query.candidate(span, errors: match.errors, method: .fuzzy))
            }
        }
        if let best = choose(from: all, query: query) { return best.resolution }

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
    private static func choose(from candidates: [Candidate], query: Query) -> Candidate? {
        guard let best = candidates.filter(\.isSupported).max(by: { $0.total < $1.total }) else { return nil }
        let ambiguous = candidates.contains {
            !$0.span.overlaps(best.span) && $0.content >= best.content - ambiguityMargin
        }
        if ambiguous { return nil }
        guard let prefix = query.context.prefix, let suffix = query.context.suffix else { return best }
        // Compare two explanations of the edit, in scalar edits: "the quote is at `best`" costs the
        // context and quote differences there; "the quote was cut out (or rewritten) at a home"
        // costs the context differences there plus the removal, counted up to `removalCost` since
        // deleting a sentence is one act however long it is. The cheaper explanation wins; a tie
        // orphans. Homes are only searched when one could possibly win, within the edits it may use.
        let quoteLength = query.quote.count
        let here = (1 - (best.prefix ?? 1)) * Double(prefix.count) + Double(best.errors)
            + (1 - (best.suffix ?? 1)) * Double(suffix.count)
        let budget = Int(here) - min(quoteLength, removalCost)
        guard budget >= 0 else { return best }
        let homes = query.context.homes(
            in: query.text,
            maxPrefixErrors: min(budget, Int((1 - homeThreshold) * Double(prefix.count))),
            maxSuffixErrors: min(budget, Int((1 - homeThreshold) * Double(suffix.count))),
            maxGap: 2 * quoteLength + 16)
        let elsewhere = homes.contains { home in
            guard !home.region.overlaps(best.span) else { return false }
            let removal = min(max(quoteLength, home.region.count), removalCost)
            return Double(home.prefixDistance + home.suffixDistance + removal) <= here
        }
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
    /// A side is `nil` when fewer than `minimumContextEvidence` scalars were stored: no evidence.
    let context: ContextSimilarity
    let oldStart: Int
    let text: [Unicode.Scalar]
    /// The coded span began (ended) where a word does: the coder chose whole words there.
    let startsAtWordEdge: Bool
    let endsAtWordEdge: Bool

    init(anchor: TextQuoteAnchor, text: [Unicode.Scalar]) {
        func evidence(_ string: String) -> [Unicode.Scalar]? {
            let scalars = Array(string.unicodeScalars)
            return scalars.count >= AnchorResolver.minimumContextEvidence ? scalars : nil
        }
        quote = Array(anchor.quote.unicodeScalars)
        context = ContextSimilarity(prefix: evidence(anchor.prefix), suffix: evidence(anchor.suffix))
        oldStart = anchor.start
        self.text = text
        startsAtWordEdge = quote.first.map(Self.isWordScalar) == true && anchor.prefix.unicodeScalars.last.map(Self.isWordScalar) != true
        endsAtWordEdge = quote.last.map(Self.isWordScalar) == true && anchor.suffix.unicodeScalars.first.map(Self.isWordScalar) != true
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// `range` with an edge that falls inside a word moved to that word's edge, when the coded span
    /// had its edge there, by at most `limit` scalars (out first, else in). A letter inserted in
    /// the first or last word aligns as well without that word's first or last letter ("sxå man"
    /// matched as "xå man"): the coding would start or end in the middle of a word.
    func atWordEdges(_ range: Range<Int>, within limit: Int) -> Range<Int> {
        func inWord(_ boundary: Int) -> Bool {
            boundary > 0 && boundary < text.count && Self.isWordScalar(text[boundary - 1]) && Self.isWordScalar(text[boundary])
        }
        func nearestEdge(from boundary: Int, outward: Int, bounds: ClosedRange<Int>) -> Int {
            for direction in [outward, -outward] {
                var moved = boundary
                while inWord(moved), abs(moved - boundary) < limit, bounds.contains(moved + direction) { moved += direction }
                if !inWord(moved) { return moved }
            }
            return boundary
        }
        var lower = range.lowerBound, upper = range.upperBound
        if startsAtWordEdge, inWord(lower) { lower = nearestEdge(from: lower, outward: -1, bounds: 0...(upper - 1)) }
        if endsAtWordEdge, inWord(upper) { upper = nearestEdge(from: upper, outward: 1, bounds: (lower + 1)...text.count) }
        return lower..<upper
    }

    /// `range` without the blanks at either edge that the quote does not have there. A letter
    /// deleted at the quote's edge aligns as well with the blank beside it as without it ("larmet
    /// går" in "larmet gå på"), and a span should start and end where its quote does.
    func withoutGainedBlanks(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        if quote.first?.properties.isWhitespace == false {
            while lower + 1 < upper, text[lower].properties.isWhitespace { lower += 1 }
        }
        if quote.last?.properties.isWhitespace == false {
            while upper - 1 > lower, text[upper - 1].properties.isWhitespace { upper -= 1 }
        }
        return lower..<upper
    }

    func candidate(_ span: Range<Int>, errors: Int, method: AnchorMethod) -> Candidate {
        let distance = Double(abs(span.lowerBound - oldStart)) / Double(max(text.count, 1))
        return Candidate(
            span: span, method: method, errors: errors, quoteLength: quote.count,
            quote: 1 - Double(errors) / Double(quote.count),
            prefix: context.prefixSimilarity(in: text, endingAt: span.lowerBound),
            suffix: context.suffixSimilarity(in: text, startingAt: span.upperBound),
            proximity: 1 - min(1, distance),
            isNearby: abs(span.lowerBound - oldStart) <= max(AnchorResolver.neighbourhood, text.count / 10)
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
    let isNearby: Bool

    private var sides: [Double] { [prefix, suffix].compactMap { $0 } }
    var hasEvidence: Bool { prefix != nil || suffix != nil }
    var isStrong: Bool { hasEvidence && sides.allSatisfy { $0 >= Rules.strongThreshold } }

    /// The context rules of step 3.
    var isSupported: Bool {
        guard hasEvidence else { return false }
        let short = quoteLength < Rules.standaloneMinimumLength
        let threshold = short ? Rules.shortQuoteSupportThreshold : Rules.supportThreshold
        // Context intact all round: trusted anywhere (a passage moved with its surroundings).
        if sides.allSatisfy({ $0 >= threshold }) { return true }
        if method == .fuzzy && short { return false }
        // Partial context for a short quote is trusted only near where it was, and only with one
        // side nearly verbatim: formulaic turns ("Jag vet inte riktigt, men ...") recur all through
        // a transcript with the same words on one side, and speaker labels and timestamps make
        // both sides of unrelated turns look moderately alike.
        let paired = sides.count == 2 && sides.allSatisfy { $0 >= Rules.pairedSupportMinimum }
            && sides.reduce(0, +) >= Rules.pairedSupportSum
        if short {
            let pairedAllowed = quoteLength >= Rules.pairedSupportMinimumLength && paired
            return isNearby && (pairedAllowed || sides.contains { $0 >= threshold })
        }
        return paired || sides.contains { $0 >= threshold }
    }

    /// Context evidence of the sides, each corrected for chance: similarity above what unrelated
    /// text reaches, rescaled to 0...1. Raw similarities add up badly: around other occurrences of
    /// a word, speaker labels and timestamps give ~0.6 on both sides, which must not outweigh one
    /// side that still matches verbatim (1.0) next to a rewritten one.
    private var contextEvidence: Double {
        sides.reduce(0) { $0 + max(0, ($1 - Rules.chanceSimilarity) / (1 - Rules.chanceSimilarity)) }
    }

    /// Quote and context evidence in 0...1: what distinguishes one place from another.
    var content: Double {
        let weight = Rules.quoteWeight + Rules.contextWeight * Double(sides.count)
        return (Rules.quoteWeight * quote + Rules.contextWeight * contextEvidence) / weight
    }

    /// Content plus closeness to the old offset, Hypothesis-style weights; used for ranking.
    var total: Double {
        let weight = Rules.quoteWeight + Rules.contextWeight * Double(sides.count) + Rules.positionWeight
        return (Rules.quoteWeight * quote + Rules.contextWeight * contextEvidence
            + Rules.positionWeight * proximity) / weight
    }

    var resolution: AnchorResolution {
        AnchorResolution(span: span, method: method, score: total, errors: errors)
    }
}
