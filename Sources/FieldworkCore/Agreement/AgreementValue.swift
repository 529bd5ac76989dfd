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

    static let noUnits = AgreementValue.undefined(reason: "no units to compare")
    static let oneCoder = AgreementValue.undefined(reason: "needs at least two coders")
}
