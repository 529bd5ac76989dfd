/// How well an anchor's stored context (~32 scalars either side) fits the text around a candidate.
///
/// Plain dynamic-programming edit distance: the strings are short (a context window against at
/// most twice its length), so O(n·m) with one row of storage is cheaper than anything clever.
enum ContextSimilarity {
    /// Levenshtein distance between `a` and `b` (unit-cost insert, delete, substitute).
    static func levenshtein<A: Collection, B: Collection>(_ a: A, _ b: B) -> Int
    where A.Element == Unicode.Scalar, B.Element == Unicode.Scalar {
        editDistance(Array(a), Array(b), freeTail: false)
    }

    /// Similarity of the stored prefix to the text that ends at `boundary` (the candidate's start),
    /// in 0...1: `1 - d / prefix.count`, where `d` is the edit distance from `prefix` to the best
    /// stretch of text ending exactly at `boundary`.
    ///
    /// Aligning at the boundary but leaving the far end free matters: a timestamp inserted right
    /// before the quote pushes the old prefix leftwards, and comparing fixed-length windows would
    /// count the whole shift as substitutions (similarity ≈ 0.3 for an 11-scalar insertion, versus
    /// ≈ 0.66 here).
    static func prefix(_ prefix: [Unicode.Scalar], in text: [Unicode.Scalar], endingAt boundary: Int) -> Double {
        guard !prefix.isEmpty else { return 1 }
        let from = max(0, boundary - 2 * prefix.count)
        let distance = editDistance(
            Array(prefix.reversed()), Array(text[from..<boundary].reversed()), freeTail: true)
        return 1 - Double(distance) / Double(prefix.count)
    }

    /// Similarity of the stored suffix to the text that starts at `boundary` (the candidate's end);
    /// the mirror image of `prefix(_:in:endingAt:)`.
    static func suffix(_ suffix: [Unicode.Scalar], in text: [Unicode.Scalar], startingAt boundary: Int) -> Double {
        guard !suffix.isEmpty else { return 1 }
        let to = min(text.count, boundary + 2 * suffix.count)
        let distance = editDistance(suffix, Array(text[min(boundary, to)..<to]), freeTail: true)
        return 1 - Double(distance) / Double(suffix.count)
    }

    /// Edit distance from all of `a` to `b`, or, with `freeTail`, to the best prefix of `b`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], freeTail: Bool) -> Int {
        guard !a.isEmpty else { return freeTail ? 0 : b.count }
        guard !b.isEmpty else { return a.count }
        // row[j] = distance between a[..<i] and b[..<j].
        var row = Array(0...b.count)
        for i in 1...a.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...b.count {
                let substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)
                diagonal = row[j]
                row[j] = min(substitution, min(row[j], row[j - 1]) + 1)
            }
        }
        // With a free tail, the last row's minimum: a aligned to b[..<j] for the best j.
        return freeTail ? row.min()! : row[b.count]
    }
}

/// A place where an anchor's stored prefix and suffix both still fit, at most a few quote lengths
/// apart: where the quote used to live. `region` is the text between them (empty when they meet
/// back to back, i.e. the quote was cut out); `fit` is prefix + suffix similarity (0...2).
struct ContextHome: Sendable, Hashable {
    var region: Range<Int>
    var fit: Double
}

extension ContextSimilarity {
    /// Every home of `prefix` + `suffix` in `text` where each side is at least `minimum` similar
    /// and the gap between them is at most `maxGap` scalars.
    ///
    /// Each side is located with the approximate matcher (its error bound follows from `minimum`),
    /// so this costs two bit-parallel scans of the text plus a short DP per hit.
    static func homes(
        prefix: [Unicode.Scalar], suffix: [Unicode.Scalar], in text: [Unicode.Scalar],
        minimum: Double, maxGap: Int
    ) -> [ContextHome] {
        func bound(_ side: [Unicode.Scalar]) -> Int { Int((1 - minimum) * Double(side.count)) }
        let ends: [(Int, Double)] = ApproximateMatcher.matches(pattern: prefix, in: text, maxErrors: bound(prefix))
            .map { ($0.end, Self.prefix(prefix, in: text, endingAt: $0.end)) }
            .filter { $0.1 >= minimum }
        guard !ends.isEmpty else { return [] }
        let starts: [(Int, Double)] = ApproximateMatcher.matches(pattern: suffix, in: text, maxErrors: bound(suffix))
            .map { ($0.start, Self.suffix(suffix, in: text, startingAt: $0.start)) }
            .filter { $0.1 >= minimum }
        var homes: [ContextHome] = []
        // A few scalars of overlap are tolerated: edits at the seam blur exactly where each side ends.
        let seam = 4
        for (end, before) in ends {
            for (start, after) in starts where start >= end - seam && start <= end + maxGap {
                homes.append(ContextHome(region: end..<max(end, start), fit: before + after))
            }
        }
        return homes
    }
}
