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
