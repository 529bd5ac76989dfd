import FieldworkCore

/// Inter-coder agreement as both faces print it: `fieldwork agreement --json` and
/// `GET /api/agreement`. Undefined statistics are `null`, with the reason under `undefined`.
public struct AgreementOutput: Encodable, Sendable {
    /// The unit, in words (the README defines it in full).
    public static let unitDescription = "segment (speaker turn, paragraph or list item) of a document every compared coder "
        + "has coded; a coder applied a code to it when one of their anchored codings of the code overlaps it by at "
        + "least one Unicode scalar"

    public struct Pair: Encodable, Sendable {
        public let coders: [String]
        @AlwaysEncoded public var percentAgreement: Double?
        @AlwaysEncoded public var cohenKappa: Double?
        /// Statistic name → why it has no value.
        public let undefined: [String: String]

        enum CodingKeys: String, CodingKey {
            case coders, undefined, percentAgreement = "percent_agreement", cohenKappa = "cohen_kappa"
        }
    }

    public struct Summary: Encodable, Sendable {
        /// Set for a code's summary, absent from the overall one.
        public let code: String?
        public let units: Int
        @AlwaysEncoded public var percentAgreement: Double?
        @AlwaysEncoded public var fleissKappa: Double?
        @AlwaysEncoded public var krippendorffAlpha: Double?
        public let undefined: [String: String]
        public let pairs: [Pair]

        enum CodingKeys: String, CodingKey {
            case code, units, undefined, pairs, percentAgreement = "percent_agreement", fleissKappa = "fleiss_kappa"
            case krippendorffAlpha = "krippendorff_alpha"
        }
    }

    public struct LeftOut: Encodable, Sendable {
        public let document: String
        public let codedBy, notCodedBy: [String]

        enum CodingKeys: String, CodingKey { case document, codedBy = "coded_by", notCodedBy = "not_coded_by" }
    }

    public struct Disagreement: Encodable, Sendable {
        public let document: String
        public let segment, start, end: Int
        public let code: String
        public let appliedBy, notAppliedBy: [String]

        enum CodingKeys: String, CodingKey {
            case document, segment, start, end, code, appliedBy = "applied_by", notAppliedBy = "not_applied_by"
        }
    }

    public let unit = Self.unitDescription
    public let coders, documents: [String]
    /// Coders with codings not compared, because nobody chose the coders and their few documents
    /// would have shrunk what the others share (`DefaultComparedCoders`).
    public let setAside: [String]
    public let leftOut: [LeftOut]
    public let overall: Summary
    public let codes: [Summary]
    public let disagreements: [Disagreement]
    /// The consent rule applied and the segments it withheld (no units), counts only.
    public let consent: ExportMetadata

    enum CodingKeys: String, CodingKey { case unit, coders, documents, overall, codes, disagreements, consent, leftOut = "left_out", setAside = "set_aside" }

    public init(_ report: AgreementReport) {
        coders = report.coders
        setAside = report.setAside
        consent = ExportMetadata(export: "agreement", applied: report.consent)
        documents = report.documents
        leftOut = report.leftOut.map { LeftOut(document: $0.documentID, codedBy: $0.codedBy, notCodedBy: $0.notCodedBy) }
        overall = Summary(code: nil, report.overall)
        codes = report.codes.map { Summary(code: $0.code, $0.summary) }
        disagreements = report.disagreements.map {
            Disagreement(document: $0.unit.documentID, segment: $0.unit.segmentIndex, start: $0.unit.start, end: $0.unit.end,
                         code: $0.code, appliedBy: $0.appliedBy, notAppliedBy: $0.notAppliedBy)
        }
    }
}

extension AgreementOutput.Summary {
    init(code: String?, _ summary: AgreementSummary) {
        self.code = code
        units = summary.units
        percentAgreement = summary.percentAgreement.value
        fleissKappa = summary.fleissKappa.value
        krippendorffAlpha = summary.krippendorffAlpha.value
        undefined = Self.reasons(["percent_agreement": summary.percentAgreement, "fleiss_kappa": summary.fleissKappa,
                                  "krippendorff_alpha": summary.krippendorffAlpha])
        pairs = summary.pairs.map {
            AgreementOutput.Pair(coders: $0.coders, percentAgreement: $0.percentAgreement.value, cohenKappa: $0.cohenKappa.value,
                                 undefined: Self.reasons(["percent_agreement": $0.percentAgreement, "cohen_kappa": $0.cohenKappa]))
        }
    }

    static func reasons(_ values: [String: AgreementValue]) -> [String: String] {
        values.compactMapValues(\.undefinedReason)
    }
}
