import FieldworkTestSupport
import Testing
@testable import FieldworkCore

@Suite("ContextSimilarity")
struct ContextSimilarityTests {
    @Test("bit-parallel side distances equal the naive DP (anchored at the boundary, far end free)")
    func sideDistancesMatchNaive() {
        var rng = SeededGenerator(seed: 0x5EED)
        for round in 0..<300 {
            let letters = [2, 4, testAlphabet.count][round % 3]
            let side = randomScalars(Int.random(in: 8...40, using: &rng), letters, using: &rng)
            let text = randomScalars(Int.random(in: 0...120, using: &rng), letters, using: &rng)
            let boundary = Int.random(in: 0...text.count, using: &rng)
            let context = ContextSimilarity(prefix: side, suffix: side)
            let before = Array(text[max(0, boundary - 2 * side.count)..<boundary].reversed())
            let after = Array(text[boundary..<min(text.count, boundary + 2 * side.count)])
            #expect(context.prefixDistance(in: text, endingAt: boundary)
                == naiveEditDistance(Array(side.reversed()), before, freeTail: true))
            #expect(context.suffixDistance(in: text, startingAt: boundary)
                == naiveEditDistance(side, after, freeTail: true))
        }
    }

    @Test func insertionNextToTheQuoteCostsOnlyItsLength() {
        let old = Array("hur en vanlig dag ser ut för dig?".unicodeScalars)
        let text = Array("Kan du berätta hur en vanlig dag ser ut för dig? [00:00:12] ".unicodeScalars)
        let context = ContextSimilarity(prefix: old, suffix: nil)
        #expect(context.prefixDistance(in: text, endingAt: text.count) == 12)
        #expect(context.suffixDistance(in: text, startingAt: 0) == nil)
    }

    @Test func homesFindWhereTheContextMeets() {
        let text = Array("Jag satte mig bredvid henne och vi pratade en stund medan barnen lekte.".unicodeScalars)
        // The stored context of a deleted "och vi pratade en stund": both sides still meet here.
        let prefix = Array("Jag satte mig bredvid henne ".unicodeScalars)
        let suffix = Array(" medan barnen lekte.".unicodeScalars)
        let context = ContextSimilarity(prefix: prefix, suffix: suffix)
        let homes = context.homes(in: text, maxPrefixErrors: 3, maxSuffixErrors: 3, maxGap: 60)
        #expect(homes == [ContextHome(region: 28..<51, prefixDistance: 0, suffixDistance: 0)])
    }
}
