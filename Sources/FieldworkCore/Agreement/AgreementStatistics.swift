/// Inter-coder agreement on binary decisions (applied / not applied), nominal level.
///
/// The formulas are those of the reference implementations the test suite compares against:
/// scikit-learn's `cohen_kappa_score`, statsmodels' `fleiss_kappa` (method "fleiss") and the
/// `krippendorff` package's `alpha(level_of_measurement="nominal")`. Counts are kept as integers
/// so that "undefined" is decided exactly (a denominator of zero), not by a floating-point guess.
public enum AgreementStatistics {
    /// The share of units on which every coder made the same decision.
    public static func percentAgreement(_ matrix: DecisionMatrix) -> AgreementValue {
        if let undefined = undefinedForLackOfData(matrix) { return undefined }
        let unanimous = matrix.rows.count { row in row.allSatisfy { $0 == row[0] } }
        return .value(Double(unanimous) / Double(matrix.unitCount))
    }

    /// The share of units on which coders `a` and `b` made the same decision.
    public static func percentAgreement(_ matrix: DecisionMatrix, coders a: Int, _ b: Int) -> AgreementValue {
        guard matrix.unitCount > 0 else { return .noUnits }
        let agree = matrix.rows.count { $0[a] == $0[b] }
        return .value(Double(agree) / Double(matrix.unitCount))
    }

    /// Cohen's kappa of coders `a` and `b`: (p_o − p_e) / (1 − p_e), with p_e from each coder's
    /// own rate of applying the code. Undefined when p_e = 1: both coders made one and the same
    /// decision on every unit, so chance alone explains their agreement.
    public static func cohenKappa(_ matrix: DecisionMatrix, coders a: Int, _ b: Int) -> AgreementValue {
        let n = matrix.unitCount
        guard n > 0 else { return .noUnits }
        var agree = 0, appliedA = 0, appliedB = 0
        for row in matrix.rows {
            if row[a] == row[b] { agree += 1 }
            if row[a] { appliedA += 1 }
            if row[b] { appliedB += 1 }
        }
        // Everything scaled by n²: p_o·n² = agree·n, p_e·n² = Σ over categories of the two marginals' product.
        let expected = appliedA * appliedB + (n - appliedA) * (n - appliedB)
        let denominator = n * n - expected
        guard denominator != 0 else {
            return AgreementValue(.sameDecisions)
        }
        return .value(Double(agree * n - expected) / Double(denominator))
    }

    /// Fleiss' kappa over all coders: (P̄ − P̄_e) / (1 − P̄_e), P̄ the mean agreement among the pairs
    /// of coders on a unit, P̄_e from the pooled rate of each decision.
    public static func fleissKappa(_ matrix: DecisionMatrix) -> AgreementValue {
        if let undefined = undefinedForLackOfData(matrix) { return undefined }
        let n = matrix.unitCount, raters = matrix.coderCount
        var squares = 0, applied = 0
        for row in matrix.rows {
            let yes = matrix.appliedCount(in: row), no = raters - yes
            squares += yes * yes + no * no
            applied += yes
        }
        let total = n * raters, notApplied = total - applied
        guard applied > 0, notApplied > 0 else { return noVariation }
        let meanAgreement = Double(squares - total) / Double(total * (raters - 1))
        let pApplied = Double(applied) / Double(total), pNot = Double(notApplied) / Double(total)
        let expected = pApplied * pApplied + pNot * pNot
        return .value((meanAgreement - expected) / (1 - expected))
    }

    /// Krippendorff's alpha, nominal: 1 − D_o / D_e from the coincidence matrix of values within
    /// units. With every unit decided by all m coders, D_o ∝ Σ_u yes_u·no_u / (m − 1) and
    /// D_e ∝ n_yes·n_no / (n − 1), n the number of pairable values.
    public static func krippendorffAlpha(_ matrix: DecisionMatrix) -> AgreementValue {
        if let undefined = undefinedForLackOfData(matrix) { return undefined }
        let raters = matrix.coderCount
        var disagreeingPairs = 0, applied = 0
        for row in matrix.rows {
            let yes = matrix.appliedCount(in: row)
            disagreeingPairs += yes * (raters - yes)
            applied += yes
        }
        let values = matrix.unitCount * raters, notApplied = values - applied
        guard applied > 0, notApplied > 0 else { return noVariation }
        let observed = Double(disagreeingPairs) / Double(raters - 1)
        let expected = Double(applied) * Double(notApplied) / Double(values - 1)
        return .value(1 - observed / expected)
    }

    static let noVariation = AgreementValue(.noVariation)

    private static func undefinedForLackOfData(_ matrix: DecisionMatrix) -> AgreementValue? {
        if matrix.coderCount < 2 { return .oneCoder }
        if matrix.unitCount == 0 { return .noUnits }
        return nil
    }
}
