/// Inter-coder agreement over a set of documents: per code, pooled, and where the coders differ.
public struct AgreementReport: Sendable, Hashable {
    /// A document not every compared coder has coded: it holds no units.
    public struct LeftOutDocument: Sendable, Hashable {
        public var documentID: String
        public var codedBy: [String]
        public var notCodedBy: [String]

        public init(documentID: String, codedBy: [String], notCodedBy: [String]) {
            self.documentID = documentID
            self.codedBy = codedBy
            self.notCodedBy = notCodedBy
        }
    }

    public struct CodeSummary: Sendable, Hashable {
        public var code: String
        public var summary: AgreementSummary
    }

    /// A unit and code on which some coders applied the code and others did not.
    public struct Disagreement: Sendable, Hashable {
        public var unit: AgreementUnit
        public var code: String
        public var appliedBy: [String]
        public var notAppliedBy: [String]
    }

    public var coders: [String]
    /// Coders with codings who are not compared because nobody chose the coders and their few
    /// documents would have shrunk what the others have in common (`DefaultComparedCoders`).
    public var setAside: [String] = []
    /// The documents whose segments are the units.
    public var documents: [String]
    public var leftOut: [LeftOutDocument]
    /// Every (segment, code) decision pooled.
    public var overall: AgreementSummary
    public var codes: [CodeSummary]
    public var disagreements: [Disagreement]
    /// The consent rule as applied: segments whose words it withheld are no units.
    public var consent: ConsentApplied?
}
