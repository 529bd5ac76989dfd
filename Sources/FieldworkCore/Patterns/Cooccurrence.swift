/// Codes applied to the same segment: how often each pair meets, and how closely (Jaccard).
///
/// A code is applied to a segment when an anchored coding of it overlaps the segment by at least
/// one scalar — the rule agreement uses — so a coding across two turns counts in both.
public struct Cooccurrence: Sendable, Hashable {
    public struct CodeCount: Sendable, Hashable {
        public var code: String
        /// Segments the code is applied to.
        public var segments: Int
    }

    /// Two codes (in codebook order) applied together to at least one segment.
    public struct Pair: Sendable, Hashable {
        public var codeA: String
        public var codeB: String
        public var segmentsA: Int
        public var segmentsB: Int
        /// Segments both codes are applied to.
        public var both: Int
        /// both / segments with either code.
        public var jaccard: Double
    }

    /// Every code applied at least once, in codebook order.
    public var codes: [CodeCount]
    public var pairs: [Pair]
    /// Segments with at least one code.
    public var codedSegments: Int
    /// The consent rule as applied: segments whose words it withheld are not counted.
    public var consent: ConsentApplied?

    /// Counts over `documents`, using only `coder`'s codings when given (else anyone's).
    public static func count(_ documents: [CodedDocument], coder: String? = nil, codebook: Codebook) -> Cooccurrence {
        var segmentCodes: [Set<String>] = []
        for document in documents {
            var byIndex: [Int: Set<String>] = [:]
            for coding in document.codings where coding.status == .anchored && (coder == nil || coding.coder == coder) {
                for segment in SegmentOverlap.segments(overlapping: coding.start..<coding.end, in: document.segments) {
                    byIndex[segment.index, default: []].insert(coding.codeID)
                }
            }
            segmentCodes += byIndex.values
        }
        return count(segmentCodes, codebook: codebook)
    }

    /// Counts over the code sets of segments.
    static func count(_ segmentCodes: [Set<String>], codebook: Codebook) -> Cooccurrence {
        var single: [String: Int] = [:]
        var together: [String: [String: Int]] = [:]
        for codes in segmentCodes {
            for code in codes {
                single[code, default: 0] += 1
                for other in codes where other != code { together[code, default: [:]][other, default: 0] += 1 }
            }
        }
        let order = AgreementDecisions.codebookOrder(Array(single.keys), codebook: codebook)
        var pairs: [Pair] = []
        for (i, a) in order.enumerated() {
            for b in order[(i + 1)...] {
                guard let both = together[a]?[b] else { continue }
                let countA = single[a] ?? 0, countB = single[b] ?? 0
                pairs.append(Pair(codeA: a, codeB: b, segmentsA: countA, segmentsB: countB, both: both,
                                  jaccard: Double(both) / Double(countA + countB - both)))
            }
        }
        return Cooccurrence(codes: order.map { CodeCount(code: $0, segments: single[$0] ?? 0) }, pairs: pairs,
                            codedSegments: segmentCodes.count { !$0.isEmpty })
    }
}

extension Cooccurrence {
    /// The segments where both `codeA` and `codeB` are applied (by `coder`, or by anyone), by the
    /// rule `count` uses, in document order: the passages behind a pair's `both`.
    public static func segments(withBoth codeA: String, _ codeB: String, in documents: [CodedDocument],
                                coder: String? = nil) -> [(document: String, segment: Segment)] {
        var result: [(document: String, segment: Segment)] = []
        for document in documents {
            var applied: [Int: Set<String>] = [:]
            for coding in document.codings where coding.status == .anchored && (coder == nil || coding.coder == coder)
                && (coding.codeID == codeA || coding.codeID == codeB) {
                for segment in SegmentOverlap.segments(overlapping: coding.start..<coding.end, in: document.segments) {
                    applied[segment.index, default: []].insert(coding.codeID)
                }
            }
            for segment in document.segments where applied[segment.index]?.isSuperset(of: [codeA, codeB]) == true {
                result.append((document.id, segment))
            }
        }
        return result
    }
}
