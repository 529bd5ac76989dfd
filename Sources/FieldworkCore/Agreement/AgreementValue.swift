/// A statistic's value, or the reason it has none.
///
/// Agreement statistics divide by quantities that vanish when there is nothing to compare (one
/// coder, no units, every decision the same). Reporting NaN or a flattering 1 there would mislead
/// a team into thinking its coders agree; the reason says why there is no number instead.
public enum AgreementValue: Sendable, Hashable {
    case value(Double)
    case undefined(reason: String)

    public var value: Double? {
        if case .value(let number) = self { number } else { nil }
    }

    public var undefinedReason: String? {
        if case .undefined(let reason) = self { reason } else { nil }
    }

    /// Why a statistic has no value, as the API states it (English); the interface translates
    /// each case.
    public enum Reason: String, CaseIterable, Sendable {
        case sameDecisions = "no variation: both coders made the same decision on every unit"
        case noVariation = "no variation: every decision is the same"
        case noUnits = "no units to compare"
        case oneCoder = "needs at least two coders"
    }

    init(_ reason: Reason) {
        self = .undefined(reason: reason.rawValue)
    }

    static let noUnits = AgreementValue(.noUnits)
    static let oneCoder = AgreementValue(.oneCoder)
}
