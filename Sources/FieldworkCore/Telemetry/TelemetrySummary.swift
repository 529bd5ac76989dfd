/// Per device, metric and UTC day: what the store keeps up to date at every import, so that a
/// summary over millions of readings reads thousands of rows, not millions.
public struct TelemetryDayRollup: Sendable, Hashable {
    public var device: String
    public var metric: String
    public var unit: String?
    /// UTC day number (days since 1970-01-01).
    public var day: Int64
    /// Readings with a value (sum-only readings are not counted).
    public var count: Int
    public var min: Double
    public var max: Double
    public var total: Double

    public init(device: String, metric: String, unit: String?, day: Int64, count: Int, min: Double, max: Double, total: Double) {
        self.device = device
        self.metric = metric
        self.unit = unit
        self.day = day
        self.count = count
        self.min = min
        self.max = max
        self.total = total
    }
}

public enum TelemetryPeriod: String, Sendable, CaseIterable, Codable {
    case day
    /// ISO weeks, Monday to Sunday (UTC).
    case week
}

/// One line of `telemetry summary`: count, min, max and mean of a device's metric in a period.
public struct TelemetrySummaryRow: Sendable, Hashable {
    public var device: String
    public var metric: String
    public var unit: String?
    public var period: TelemetryPeriod
    /// The period's first day, `YYYY-MM-DD`.
    public var start: String
    public var count: Int
    public var min: Double
    public var max: Double
    public var mean: Double

    public init(device: String, metric: String, unit: String?, period: TelemetryPeriod, start: String, count: Int, min: Double, max: Double, mean: Double) {
        self.device = device
        self.metric = metric
        self.unit = unit
        self.period = period
        self.start = start
        self.count = count
        self.min = min
        self.max = max
        self.mean = mean
    }
}

public enum TelemetrySummary {
    /// Day rollups computed from readings, with the day each reading falls on given by `day`
    /// (a local day number, e.g. in the study's time zone): the stored rollups are UTC days, and
    /// a reading at 23:30 UTC in summer belongs to the next day in Stockholm. Like the store's,
    /// only readings with a value are counted.
    public static func rollups(_ readings: [TelemetryReading], day: (Int64) -> Int64) -> [TelemetryDayRollup] {
        struct Key: Hashable { let device, metric: String; let unit: String?; let day: Int64 }
        var folded: [Key: TelemetryDayRollup] = [:]
        for reading in readings {
            guard let value = reading.value else { continue }
            let key = Key(device: reading.device, metric: reading.metric, unit: reading.unit, day: day(reading.time))
            if var existing = folded[key] {
                existing.count += 1
                existing.min = Swift.min(existing.min, value)
                existing.max = Swift.max(existing.max, value)
                existing.total += value
                folded[key] = existing
            } else {
                folded[key] = TelemetryDayRollup(device: key.device, metric: key.metric, unit: key.unit, day: key.day,
                                                 count: 1, min: value, max: value, total: value)
            }
        }
        return folded.values.sorted { ($0.device, $0.metric, $0.unit ?? "", $0.day) < ($1.device, $1.metric, $1.unit ?? "", $1.day) }
    }

    /// Folds day rollups into periods; the mean is total / count over the whole period (not a
    /// mean of daily means, which would weigh a day with one reading like a day with a thousand).
    public static func aggregate(_ rollups: [TelemetryDayRollup], period: TelemetryPeriod) -> [TelemetrySummaryRow] {
        struct Key: Hashable { let device, metric: String; let unit: String?; let start: Int64 }
        var order: [Key] = []
        var folded: [Key: TelemetryDayRollup] = [:]
        for rollup in rollups where rollup.count > 0 {
            let start = period == .day ? rollup.day : UTCTime.weekStart(ofDay: rollup.day)
            let key = Key(device: rollup.device, metric: rollup.metric, unit: rollup.unit, start: start)
            if var existing = folded[key] {
                existing.count += rollup.count
                existing.min = Swift.min(existing.min, rollup.min)
                existing.max = Swift.max(existing.max, rollup.max)
                existing.total += rollup.total
                folded[key] = existing
            } else {
                order.append(key)
                folded[key] = rollup
            }
        }
        return order.sorted { ($0.device, $0.metric, $0.unit ?? "", $0.start) < ($1.device, $1.metric, $1.unit ?? "", $1.start) }
            .compactMap { key in
                guard let value = folded[key] else { return nil }
                return TelemetrySummaryRow(device: key.device, metric: key.metric, unit: key.unit, period: period,
                                           start: UTCTime.isoDate(day: key.start), count: value.count, min: value.min,
                                           max: value.max, mean: value.total / Double(value.count))
            }
    }
}
