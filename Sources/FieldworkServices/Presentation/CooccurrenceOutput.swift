import FieldworkCore

/// Co-occurrence as `fieldwork export cooccurrence --json` and `GET /api/cooccurrence` print it.
public struct CooccurrenceOutput: Encodable, Sendable {
    public struct CodeCount: Encodable, Sendable {
        public let code: String
        public let segments: Int
    }

    public struct Pair: Encodable, Sendable {
        public let codeA, codeB: String
        public let segmentsA, segmentsB, both: Int
        public let jaccard: Double

        enum CodingKeys: String, CodingKey {
            case both, jaccard, codeA = "code_a", codeB = "code_b", segmentsA = "segments_a", segmentsB = "segments_b"
        }
    }

    @AlwaysEncoded public var coder: String?
    public let codedSegments: Int
    public let codes: [CodeCount]
    public let pairs: [Pair]
    /// The consent rule applied and the segments it withheld (not counted), counts only.
    public let consent: ExportMetadata

    enum CodingKeys: String, CodingKey { case coder, codes, pairs, consent, codedSegments = "coded_segments" }

    public init(_ counts: Cooccurrence, coder: String?) {
        self.coder = coder
        consent = ExportMetadata(export: "cooccurrence", applied: counts.consent)
        codedSegments = counts.codedSegments
        codes = counts.codes.map { CodeCount(code: $0.code, segments: $0.segments) }
        pairs = counts.pairs.map {
            Pair(codeA: $0.codeA, codeB: $0.codeB, segmentsA: $0.segmentsA, segmentsB: $0.segmentsB, both: $0.both, jaccard: $0.jaccard)
        }
    }

    /// One row per pair of codes applied together: RFC 4180 CSV for R and pandas.
    public static let csvHeader = ["code_a", "code_b", "segments_a", "segments_b", "both", "jaccard"]

    public var csvRows: [[String]] { csvRows(smallCells: nil) }

    /// For publication, counts below k are "< k" and a pair's Jaccard index is left empty when
    /// its `both` is (it would give the small count back).
    public func csvRows(smallCells: SmallCells?) -> [[String]] {
        pairs.map { pair in
            guard let cells = smallCells else {
                return [pair.codeA, pair.codeB, String(pair.segmentsA), String(pair.segmentsB), String(pair.both), String(pair.jaccard)]
            }
            return [pair.codeA, pair.codeB, cells.show(pair.segmentsA), cells.show(pair.segmentsB), cells.show(pair.both),
                    cells.suppresses(pair.both) ? "" : String(pair.jaccard)]
        }
    }
}
