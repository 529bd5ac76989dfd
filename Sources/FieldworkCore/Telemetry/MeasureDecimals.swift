import Foundation

/// How a telemetry measure's numbers are written in a table: with one number of decimals for
/// every row and column of the measure (a device's metric in its unit), so that `71.0` stands
/// beside `62.9`, not `71` beside `62.900`.
///
/// The decimals are the readings' own resolution: the fewest that write every reading (each
/// period's minimum and maximum are readings) exactly, at most `maximum`, and at least one, so
/// that the mean of whole readings (steps, watts) keeps its tenth.
public struct MeasureDecimals: Sendable, Hashable {
    public static let maximum = 3

    public let decimals: Int

    /// - Parameter readings: readings of one measure (the minima and maxima of its rows).
    public init(readings: some Sequence<Double>) {
        var decimals = 1
        for reading in readings where reading.isFinite {
            while decimals < Self.maximum, !Self.isExact(reading, decimals: decimals) { decimals += 1 }
        }
        self.decimals = decimals
    }

    /// `value` with exactly `decimals` decimals (`62.9`, `1850.0`); a magnitude fixed notation
    /// writes unreadably in exponent form with as many decimals (`1.0e+300`, `4.000e-04`).
    public func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if Self.wantsExponent(value, decimals: decimals) { return String(format: "%.\(decimals)e", value) }
        return String(format: "%.\(decimals)f", value)
    }

    /// From 1e15 on a Double's whole digits are no longer the reading's (2^53 is about 9e15) and
    /// `1e300` was printed as 301 digits; a magnitude below what `decimals` decimals show read as
    /// zero (`0.000` for 4e-4).
    public static func wantsExponent(_ value: Double, decimals: Int) -> Bool {
        let magnitude = abs(value)
        return magnitude >= 1e15 || (magnitude > 0 && magnitude < 0.5 * pow(10, -Double(decimals)))
    }

    /// Whether `decimals` decimals write `value` as it is (up to the noise of binary fractions).
    private static func isExact(_ value: Double, decimals: Int) -> Bool {
        let scale = pow(10, Double(decimals))
        let scaled = value * scale
        return abs(scaled - scaled.rounded()) <= 1e-6 * max(1, abs(scaled))
    }
}
