/// An anchor's stored context (~32 scalars either side of the quote), compiled once so that it can
/// be compared cheaply against the text around many candidate places.
///
/// A side is compared *anchored at the quote boundary, free at the far end*: the edit distance
/// from the stored side to the best stretch of new text that touches the boundary, looking at most
/// twice the side's length away. Leaving the far end free matters: a timestamp inserted right
/// before the quote pushes the old prefix leftwards, and comparing fixed-length windows would
/// count the whole shift as substitutions (an 11-scalar insertion would cost ~22 instead of 11).
/// Each comparison is one short bit-parallel scan (the context fits in one 64-bit word), which
/// matters when a short quote such as "och" has thousands of exact occurrences to score.
struct ContextSimilarity: Sendable {
    /// `nil` when the side carries no evidence (too short; see `AnchorResolver`).
    let prefix: [Unicode.Scalar]?
    let suffix: [Unicode.Scalar]?
    private let prefixMatcher: ApproximateMatcher?  // the prefix reversed: read leftwards
    private let suffixMatcher: ApproximateMatcher?

    init(prefix: [Unicode.Scalar]?, suffix: [Unicode.Scalar]?) {
        self.prefix = prefix
        self.suffix = suffix
        prefixMatcher = prefix.map { ApproximateMatcher(pattern: $0.reversed()) }
        suffixMatcher = suffix.map { ApproximateMatcher(pattern: $0) }
    }

    /// Edit distance from the stored prefix to the text ending exactly at `boundary`.
    func prefixDistance(in text: [Unicode.Scalar], endingAt boundary: Int) -> Int? {
        guard let prefixMatcher else { return nil }
        let length = prefixMatcher.pattern.count
        return prefixMatcher.anchoredDistance(in: text, from: boundary - 1, step: -1, limit: min(boundary, 2 * length))
    }

    /// Edit distance from the stored suffix to the text starting exactly at `boundary`.
    func suffixDistance(in text: [Unicode.Scalar], startingAt boundary: Int) -> Int? {
        guard let suffixMatcher else { return nil }
        let length = suffixMatcher.pattern.count
        return suffixMatcher.anchoredDistance(in: text, from: boundary, step: 1, limit: min(text.count - boundary, 2 * length))
    }

    /// `1 - prefixDistance / prefix.count`, in 0...1.
    func prefixSimilarity(in text: [Unicode.Scalar], endingAt boundary: Int) -> Double? {
        prefixDistance(in: text, endingAt: boundary).map { 1 - Double($0) / Double(prefix!.count) }
    }

    /// `1 - suffixDistance / suffix.count`, in 0...1.
    func suffixSimilarity(in text: [Unicode.Scalar], startingAt boundary: Int) -> Double? {
        suffixDistance(in: text, startingAt: boundary).map { 1 - Double($0) / Double(suffix!.count) }
    }

    /// Every place in `text` where the stored prefix and suffix both still fit — the prefix with at
    /// most `maxPrefixErrors` edits ending where the suffix, with at most `maxSuffixErrors`, starts
    /// no more than `maxGap` scalars later — i.e. where the quote used to live. Empty unless both
    /// sides carry evidence. Costs two bit-parallel scans of the text plus a short scan per hit.
    func homes(in text: [Unicode.Scalar], maxPrefixErrors: Int, maxSuffixErrors: Int, maxGap: Int) -> [ContextHome] {
        guard let prefix, let suffix, maxPrefixErrors >= 0, maxSuffixErrors >= 0 else { return [] }
        let ends = ApproximateMatcher.matches(pattern: prefix, in: text, maxErrors: maxPrefixErrors).compactMap { match in
            prefixDistance(in: text, endingAt: match.end).flatMap { $0 <= maxPrefixErrors ? (match.end, $0) : nil }
        }
        guard !ends.isEmpty else { return [] }
        let starts = ApproximateMatcher.matches(pattern: suffix, in: text, maxErrors: maxSuffixErrors).compactMap { match in
            suffixDistance(in: text, startingAt: match.start).flatMap { $0 <= maxSuffixErrors ? (match.start, $0) : nil }
        }
        var homes: [ContextHome] = []
        // A few scalars of overlap are tolerated: edits at the seam blur exactly where each side ends.
        let seam = 4
        for (end, before) in ends {
            for (start, after) in starts where start >= end - seam && start <= end + maxGap {
                homes.append(ContextHome(region: end..<max(end, start), prefixDistance: before, suffixDistance: after))
            }
        }
        return homes
    }
}

/// A place where an anchor's stored prefix and suffix both still fit, close together: where the
/// quote used to live. `region` is the text between them (empty when they meet back to back,
/// i.e. the quote was cut out); the distances are those of each side.
struct ContextHome: Sendable, Hashable {
    var region: Range<Int>
    var prefixDistance: Int
    var suffixDistance: Int
}
