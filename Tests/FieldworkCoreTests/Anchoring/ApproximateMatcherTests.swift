import FieldworkTestSupport
import Testing
@testable import FieldworkCore

/// Reference: for every end offset 1...text.count, the smallest edit distance between `pattern`
/// and any substring of `text` ending there (semi-global DP, start free). O(n·m), obviously right.
func naiveEndDistances(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> [Int] {
    let m = pattern.count
    var column = Array(0...m)  // column for text prefix of length 0
    var result: [Int] = []
    for scalar in text {
        var next = [0] + [Int](repeating: 0, count: m)
        for i in 1...m {
            let substitution = column[i - 1] + (pattern[i - 1] == scalar ? 0 : 1)
            next[i] = min(substitution, column[i] + 1, next[i - 1] + 1)
        }
        result.append(next[m])
        column = next
    }
    return result
}

/// Reference Levenshtein distance from all of `a` to `b`, or with `freeTail` to the best prefix of `b`.
func naiveEditDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], freeTail: Bool = false) -> Int {
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            table[i][j] = min(substitution, table[i - 1][j] + 1, table[i][j - 1] + 1)
        }
    }
    return freeTail ? table[a.count].min()! : table[a.count][b.count]
}

/// Small alphabets (Latin, Swedish, combining mark, emoji + ZWJ) make approximate matches common.
let testAlphabet: [Unicode.Scalar] = ["a", "b", "c", "å", "ä", " ", "\u{301}", "👩", "\u{200D}"]

func randomScalars(_ count: Int, _ letters: Int, using rng: inout SeededGenerator) -> [Unicode.Scalar] {
    (0..<count).map { _ in testAlphabet[Int.random(in: 0..<letters, using: &rng)] }
}

/// Mutates `source` with `edits` random insertions, deletions and substitutions.
private func mutate(_ source: [Unicode.Scalar], edits: Int, using rng: inout SeededGenerator) -> [Unicode.Scalar] {
    var result = source
    for _ in 0..<edits {
        let position = Int.random(in: 0...result.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: result.insert(testAlphabet.randomElement(using: &rng)!, at: position)
        case 1 where position < result.count: result.remove(at: position)
        default: if position < result.count { result[position] = testAlphabet.randomElement(using: &rng)! }
        }
    }
    return result
}

@Suite("ApproximateMatcher (Myers, blocked)")
struct ApproximateMatcherTests {
    /// Pattern lengths straddle the 64-scalar block boundary and cover 3+ blocks.
    static let patternLengths = [1, 2, 5, 17, 63, 64, 65, 100, 127, 128, 129, 150, 200]

    @Test("end distances equal the naive DP wherever <= k, and nothing else is reported",
          arguments: patternLengths)
    func endDistancesMatchNaive(patternLength: Int) {
        var rng = SeededGenerator(seed: 0xF1E1D + UInt64(patternLength))
        for round in 0..<12 {
            let letters = [2, 3, 5, testAlphabet.count][round % 4]
            let pattern = randomScalars(patternLength, letters, using: &rng)
            // Plant mutated copies so there are real matches, with random filler around them.
            var text = randomScalars(Int.random(in: 0...150, using: &rng), letters, using: &rng)
            for _ in 0..<2 {
                text += mutate(pattern, edits: Int.random(in: 0...max(1, patternLength / 4), using: &rng), using: &rng)
                text += randomScalars(Int.random(in: 0...80, using: &rng), letters, using: &rng)
            }
            let k = Int.random(in: 0...max(0, patternLength / 2), using: &rng)
            let expected = naiveEndDistances(pattern, text).enumerated()
                .filter { $0.element <= k }
                .map { ApproximateEnd(end: $0.offset + 1, errors: $0.element) }
            let actual = ApproximateMatcher(pattern: pattern).matchEnds(in: text, maxErrors: k)
            #expect(actual == expected, "m=\(patternLength) k=\(k) n=\(text.count) round \(round)")
        }
    }

    @Test("matches are non-overlapping, have the stated distance and cover every best end",
          arguments: patternLengths)
    func matchesAreConsistent(patternLength: Int) {
        var rng = SeededGenerator(seed: 0xC0DE + UInt64(patternLength))
        for round in 0..<8 {
            let letters = [3, 5, testAlphabet.count][round % 3]
            let pattern = randomScalars(patternLength, letters, using: &rng)
            var text = randomScalars(Int.random(in: 0...100, using: &rng), letters, using: &rng)
            text += mutate(pattern, edits: patternLength / 8, using: &rng)
            text += randomScalars(Int.random(in: 0...100, using: &rng), letters, using: &rng)
            let k = max(0, min(patternLength - 1, patternLength / 4))
            let matches = ApproximateMatcher.matches(pattern: pattern, in: text, maxErrors: k)
            let naive = naiveEndDistances(pattern, text)
            for (index, match) in matches.enumerated() {
                #expect(match.start < match.end && match.start >= 0 && match.end <= text.count)
                #expect(match.errors <= k)
                #expect(naiveEditDistance(pattern, Array(text[match.range])) == match.errors)
                #expect(naive[match.end - 1] == match.errors, "the end's best distance")
                if index > 0 { #expect(matches[index - 1].end <= match.start, "sorted and disjoint") }
            }
            // The globally best distance is always among the returned matches.
            if let best = naive.min(), best <= k {
                #expect(matches.map(\.errors).min() == best)
            } else {
                #expect(matches.isEmpty)
            }
        }
    }

    @Test func findsEditedPhraseWithExactSpan() {
        let text = Array("Hon sa att det var jättesvårt att förklara för chefen.".unicodeScalars)
        let pattern = Array("det var jätte svårt att förklara".unicodeScalars)
        let matches = ApproximateMatcher.matches(pattern: pattern, in: text, maxErrors: 8)
        #expect(matches == [ApproximateMatch(start: 11, end: 42, errors: 1)])
        #expect(String(String.UnicodeScalarView(text[11..<42])) == "det var jättesvårt att förklara")
    }

    @Test func exactRepeatsAreSeparateMatches() {
        let text = Array("ja ja, ja. 👩‍👩‍👧 ja".unicodeScalars)
        let matches = ApproximateMatcher.matches(pattern: Array("ja".unicodeScalars), in: text, maxErrors: 0)
        #expect(matches.map(\.start) == [0, 3, 7, 17])
    }

    @Test func emptyPatternAndTextYieldNothing() {
        #expect(ApproximateMatcher.matches(pattern: [], in: Array("abc".unicodeScalars), maxErrors: 2).isEmpty)
        #expect(ApproximateMatcher.matches(pattern: Array("abc".unicodeScalars), in: [], maxErrors: 2).isEmpty)
    }
}
