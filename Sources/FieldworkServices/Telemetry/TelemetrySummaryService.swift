import FieldworkCore
import Foundation

/// `fieldwork telemetry summary` and the charts on a need's page: per device and metric, per
/// day or week, count, min, max and mean, plus simple events.
///
/// Consent is checked again when reading, not only at import: a withdrawal recorded later (a
/// `withdrawn:` date added to participants.yaml) hides the days from then on at once.
public struct TelemetrySummaryService: Sendable {
    public struct Query: Sendable {
        public var device: String?
        public var participant: String?
        /// Only the devices of these participants (a need's page: the residents whose words
        /// evidence the need).
        public var participants: Set<String>?
        public var solutions: Set<String>?
        public var period: TelemetryPeriod = .day
        public var events = true
        public var inactivityHours = 12.0
        /// The residents' time zone, for "at night".
        public var timeZone = TimeZone.current
        /// Daily rows by the day in this zone, computed from the readings; nil keeps the stored
        /// rollups, which are UTC days. Only with `period == .day`.
        public var dayZone: TimeZone?

        public init() {}
    }

    public struct Result: Sendable {
        public var devices: [TelemetryDevice]
        public var rows: [TelemetrySummaryRow]
        public var events: [TelemetryEvent]
        /// Days hidden because consent no longer covers them.
        public var hiddenDays: Int

        /// The daily rows of a solution's devices, one series per device and metric (ordered by
        /// device, then metric); nil when the solution has no device here, empty when its devices
        /// have no rows.
        public func series(ofSolution id: String) -> [[TelemetrySummaryRow]]? {
            let names = Set(devices.filter { $0.solutionID == id }.map(\.name))
            guard !names.isEmpty else { return nil }
            let grouped = Dictionary(grouping: rows.filter { names.contains($0.device) }) { "\($0.device)\u{0}\($0.metric)" }
            return grouped.keys.sorted().compactMap { grouped[$0] }
        }

        /// A device's door openings at night.
        public func nightOpenings(of device: String) -> [TelemetryEvent] {
            events.filter { $0.kind == .doorAtNight && $0.device == device }
        }
    }

    /// The study's time zone: the days of the charts on a need's page.
    public static let studyTimeZone = TimeZone(identifier: "Europe/Stockholm")!

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func summary(_ query: Query) async throws -> Result {
        let devices = try await store.telemetryDevices().filter { device in
            (query.device.map { $0 == device.name } ?? true) && (query.participant.map { $0 == device.participantID } ?? true)
                && (query.participants.map { $0.contains(device.participantID) } ?? true)
                && (query.solutions.map { $0.contains(device.solutionID) } ?? true)
        }
        let deviceNamed = Dictionary(devices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var gate = TelemetryConsentGate(participants: try await store.participants())
        func allowed(_ device: String, _ day: Int64) -> Bool {
            guard let known = deviceNamed[device] else { return false }
            return gate.decide(participant: known.participantID, solution: known.solutionID, day: day) == .allowed
        }
        let rollups: [TelemetryDayRollup]
        if let zone = query.dayZone, query.period == .day {
            // The consent gate then decides on the local day too: consent dates are the residents' dates.
            var readings: [TelemetryReading] = []
            for device in devices {
                readings += try await store.telemetryReadings(device: device.name, metrics: nil, from: nil, to: nil)
            }
            rollups = TelemetrySummary.rollups(readings) { Self.localDay($0, in: zone) }
        } else {
            rollups = devices.isEmpty ? [] : try await store.telemetryDays(devices: devices.map(\.name))
        }
        let visible = rollups.filter { allowed($0.device, $0.day) }
        var events: [TelemetryEvent] = []
        if query.events {
            let catalogue = try SolutionCatalogue.load(workspace)
            let zone = query.timeZone
            for device in devices {
                let metrics = catalogue[device.solutionID]?.metrics.filter { $0.signal != nil } ?? []
                guard !metrics.isEmpty else { continue }
                let readings = try await store.telemetryReadings(device: device.name, metrics: metrics.map(\.name), from: nil, to: nil)
                    .filter { allowed($0.device, UTCTime.day($0.time)) }
                let doors = Set(metrics.filter { $0.signal == .door }.map(\.name))
                events += TelemetryEvents.doorsAtNight(readings.filter { doors.contains($0.metric) }) { time in
                    Self.localHour(time, in: zone)
                }
                events += TelemetryEvents.noActivity(readings, hours: query.inactivityHours)
            }
        }
        return Result(devices: devices, rows: TelemetrySummary.aggregate(visible, period: query.period),
                      events: events.sorted { ($0.device, $0.start) < ($1.device, $1.start) },
                      hiddenDays: rollups.count - visible.count)
    }

    /// The day number (days since 1970-01-01) of a UTC instant in `zone`, daylight saving included.
    static func localDay(_ milliseconds: Int64, in zone: TimeZone) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let local = milliseconds / 1000 + Int64(zone.secondsFromGMT(for: date))
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    static func localHour(_ milliseconds: Int64, in zone: TimeZone) -> Int {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let local = milliseconds / 1000 + Int64(zone.secondsFromGMT(for: date))
        return Int(((local % 86_400) + 86_400) % 86_400 / 3600)
    }
}
