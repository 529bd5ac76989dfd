/// What one day of a metric is shown as on a chart: the figure that answers the researcher's
/// question about that day, not the number of reports a device happened to send.
///
/// A motion sensor reporting "3, 9, 5, 1 movements" four times a day moved 18 times, not 4; a
/// plug drawing watts is a level (its mean), and a presence or dose sensor with no unit is a
/// yes/no report, of which the count per day is the figure.
public enum DailyAggregate: Sendable, Hashable {
    /// How many readings the day holds (yes/no signals, no unit).
    case readings
    /// The day's sum: amounts per interval (counts, steps, minutes).
    case total
    /// The day's mean: levels (temperature, humidity, power, battery).
    case mean

    /// SenML units (RFC 8428 §12.1) and the registry's `count` whose readings are amounts within
    /// their interval, so that a day's readings add up.
    static let additiveUnits: Set<String> = ["count", "steps", "beats", "s", "min", "h", "J", "Wh", "kWh", "l", "m"]

    public static func of(signal: TelemetrySignal?, unit: String?) -> DailyAggregate {
        if let unit, additiveUnits.contains(unit) { return .total }
        return signal != nil && unit == nil ? .readings : .mean
    }

    /// The day's figure from its reading count and mean.
    public func value(count: Int, mean: Double) -> Double {
        switch self {
        case .readings: Double(count)
        case .total: mean * Double(count)
        case .mean: mean
        }
    }
}
