@testable import FieldworkCore
import Testing

/// Hand-computed examples; the generated comparisons with scikit-learn, statsmodels and
/// `krippendorff` live in Tests/Stats.
@Suite struct AgreementStatisticsTests {
    static func matrix(_ rows: [[Int]]) -> DecisionMatrix {
        DecisionMatrix(coderCount: rows.first?.count ?? 0, rows: rows.map { $0.map { $0 == 1 } })
    }

    static func close(_ value: AgreementValue, _ expected: Double) -> Bool {
        guard let number = value.value else { return false }
        return abs(number - expected) < 1e-12
    }

    @Test func cohenKappaTextbookExample() {
        // 50 units: both yes 20, only A 5, only B 10, both no 15. p_o = .7, p_e = .5·.6 + .5·.4 = .5.
        let rows = Array(repeating: [1, 1], count: 20) + Array(repeating: [1, 0], count: 5)
            + Array(repeating: [0, 1], count: 10) + Array(repeating: [0, 0], count: 15)
        let decisions = Self.matrix(rows)
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 0, 1), 0.4))
        #expect(Self.close(AgreementStatistics.percentAgreement(decisions, coders: 0, 1), 0.7))
        #expect(Self.close(AgreementStatistics.percentAgreement(decisions), 0.7))
    }

    @Test func threeCodersFleissAndKrippendorff() {
        // Applied counts per unit 3, 2, 0, 1. P̄ = (28 − 12) / 24 = 2/3, P̄_e = .5 → κ = 1/3.
        // D_o = Σ yes·no / (m − 1) = 4 / 2, D_e = 6·6 / 11 → α = 1 − 22/36 = 7/18.
        let decisions = Self.matrix([[1, 1, 1], [1, 1, 0], [0, 0, 0], [1, 0, 0]])
        #expect(Self.close(AgreementStatistics.fleissKappa(decisions), 1.0 / 3))
        #expect(Self.close(AgreementStatistics.krippendorffAlpha(decisions), 7.0 / 18))
        #expect(Self.close(AgreementStatistics.percentAgreement(decisions), 0.5))
        // Coders 0 and 1: p_o = .75, p_e = .75·.5 + .25·.5 = .5 → κ = .5.
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 0, 1), 0.5))
        // Coders 0 and 2: p_o = .5, p_e = .75·.25 + .25·.75 = .375 → κ = .125 / .625 = .2.
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 0, 2), 0.2))
        // Coders 1 and 2: p_o = .75, p_e = .5·.25 + .5·.75 = .5 → κ = .5.
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 1, 2), 0.5))
    }

    @Test func completeAgreementWithVariationIsOne() {
        let decisions = Self.matrix([[1, 1], [0, 0], [1, 1]])
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 0, 1), 1))
        #expect(Self.close(AgreementStatistics.fleissKappa(decisions), 1))
        #expect(Self.close(AgreementStatistics.krippendorffAlpha(decisions), 1))
    }

    @Test func completeDisagreement() {
        // κ = (0 − .5) / .5 = −1; α = 1 − (2 / 1) / (2·2 / 3) = −0.5.
        let decisions = Self.matrix([[1, 0], [0, 1]])
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 0, 1), -1))
        #expect(Self.close(AgreementStatistics.fleissKappa(decisions), -1))
        #expect(Self.close(AgreementStatistics.krippendorffAlpha(decisions), -0.5))
        #expect(Self.close(AgreementStatistics.percentAgreement(decisions), 0))
    }

    @Test func noVariationIsUndefinedNotOne() {
        for rows in [[[1, 1], [1, 1]], [[0, 0, 0], [0, 0, 0]]] {
            let decisions = Self.matrix(rows)
            #expect(AgreementStatistics.cohenKappa(decisions, coders: 0, 1).undefinedReason?.hasPrefix("no variation") == true)
            #expect(AgreementStatistics.fleissKappa(decisions).undefinedReason?.hasPrefix("no variation") == true)
            #expect(AgreementStatistics.krippendorffAlpha(decisions).undefinedReason?.hasPrefix("no variation") == true)
            // Percent agreement is defined: the coders do agree on every unit.
            #expect(Self.close(AgreementStatistics.percentAgreement(decisions), 1))
        }
    }

    @Test func oneCoderOrNoUnitsIsUndefined() {
        let single = Self.matrix([[1], [0], [1]])
        for value in [AgreementStatistics.percentAgreement(single), AgreementStatistics.fleissKappa(single),
                      AgreementStatistics.krippendorffAlpha(single)] {
            #expect(value.undefinedReason == "needs at least two coders")
        }
        #expect(AgreementSummary(single, coders: ["A"]).pairs.isEmpty)
        let empty = DecisionMatrix(coderCount: 2)
        #expect(AgreementStatistics.fleissKappa(empty).undefinedReason == "no units to compare")
        #expect(AgreementStatistics.cohenKappa(empty, coders: 0, 1).undefinedReason == "no units to compare")
        #expect(AgreementStatistics.percentAgreement(empty).value == nil)
    }

    @Test func oneCoderNeverChangingIsNoVariationForCohen() {
        // A always applies, B sometimes: p_e = 1·.5 + 0 = .5, defined (κ = 0).
        let decisions = Self.matrix([[1, 1], [1, 0]])
        #expect(Self.close(AgreementStatistics.cohenKappa(decisions, coders: 0, 1), 0))
    }
}
