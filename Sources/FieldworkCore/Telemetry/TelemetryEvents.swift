/// What a metric tells about everyday life, declared per metric in the solution catalogue.
public enum TelemetrySignal: String, Sendable, Hashable, Codable, CaseIterable {
    /// A door contact: a value above 0 is the door being opened. Also counts as activity.
    case door
    /// Motion, a smart plug drawing power, a tablet in use: a value above 0 means someone is active.
    case activity
}

/// A simple, explainable event found in telemetry.
public struct TelemetryEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// A door opened between 22:00 and 06:00 local time.
        case doorAtNight = "door-at-night"
        /// No activity signal for at least the threshold.
        case noActivity = "no-activity"
    }

    public var kind: Kind
    public var device: String
    /// Milliseconds UTC.
    public var start: Int64
    /// For `noActivity`: the next activity.
    public var end: Int64?

    public init(kind: Kind, device: String, start: Int64, end: Int64? = nil) {
        self.kind = kind
        self.device = device
        self.start = start
        self.end = end
    }
}

public enum TelemetryEvents {
    public static let nightStartHour = 22
    public static let nightEndHour = 6

    /// Door openings at night. `localHour` gives the hour (0–23) in the residents' time zone.
    public static func doorsAtNight(_ readings: [TelemetryReading], localHour: (Int64) -> Int) -> [TelemetryEvent] {
        readings.filter { reading in
            guard let value = reading.value, value > 0 else { return false }
            let hour = localHour(reading.time)
            return hour >= nightStartHour || hour < nightEndHour
        }.map { TelemetryEvent(kind: .doorAtNight, device: $0.device, start: $0.time) }
    }

    /// Gaps of at least `hours` between consecutive activity readings (value above 0) of one
    /// device. Only gaps inside the observed readings count: silence after the last reading may
    /// just be the end of the export.
    public static func noActivity(_ readings: [TelemetryReading], hours: Double) -> [TelemetryEvent] {
        let threshold = Int64(hours * 3_600_000)
        var events: [TelemetryEvent] = []
        var lastByDevice: [String: Int64] = [:]
        for reading in readings.sorted(by: { ($0.device, $0.time) < ($1.device, $1.time) }) {
            guard let value = reading.value, value > 0 else { continue }
            if let last = lastByDevice[reading.device], reading.time - last >= threshold {
                events.append(TelemetryEvent(kind: .noActivity, device: reading.device, start: last, end: reading.time))
            }
            lastByDevice[reading.device] = reading.time
        }
        return events
    }
}
