/// The agreement statistics of one set of decisions: one code's, or all codes' pooled.
public struct AgreementSummary: Sendable, Hashable {
    /// Two coders compared on their own.
    public struct Pair: Sendable, Hashable {
        public var coders: [String]
        public var percentAgreement: AgreementValue
        public var cohenKappa: AgreementValue
    }

    /// How many decisions each coder made: segments for one code, segments × codes pooled.
    public var units: Int
    public var percentAgreement: AgreementValue
    public var fleissKappa: AgreementValue
    public var krippendorffAlpha: AgreementValue
    /// Every pair of coders, in the order the coders are listed.
    public var pairs: [Pair]

    public init(_ matrix: DecisionMatrix, coders: [String]) {
        precondition(matrix.coderCount == coders.count, "one column per coder")
        units = matrix.unitCount
        percentAgreement = AgreementStatistics.percentAgreement(matrix)
        fleissKappa = AgreementStatistics.fleissKappa(matrix)
        krippendorffAlpha = AgreementStatistics.krippendorffAlpha(matrix)
        var pairs: [Pair] = []
        for a in coders.indices {
            for b in coders.indices where b > a {
                pairs.append(Pair(coders: [coders[a], coders[b]],
                                  percentAgreement: AgreementStatistics.percentAgreement(matrix, coders: a, b),
                                  cohenKappa: AgreementStatistics.cohenKappa(matrix, coders: a, b)))
            }
        }
        self.pairs = pairs
    }
}
