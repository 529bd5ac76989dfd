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
        /// One threshold for every device (the CLI's `--inactivity-hours`); nil: the workspace's
        /// per device type (`fieldwork.yaml`, else `InactivityThresholds.defaults`).
        public var inactivityHours: Double?
        /// The zone of the days and of "at night"; nil: the study's (`fieldwork.yaml`
        /// `telemetry: time_zone`, default Europe/Stockholm).
        public var timeZone: TimeZone?

        public init() {}
    }

    public struct Result: Sendable {
        public var devices: [TelemetryDevice]
        public var rows: [TelemetrySummaryRow]
        public var events: [TelemetryEvent]
        /// Days hidden because consent no longer covers them.
        public var hiddenDays: Int
        /// The zone the days and nights were counted in.
        public var timeZone: TimeZone
        /// The inactivity threshold each device was measured against, by device name.
        public var inactivityHours: [String: Double]

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

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    /// The devices of corpus/devices.yaml (none when it cannot be read: the readings still name theirs).
    private func registered() async throws -> [String] {
        let registry = try? DeviceRegistry.load(workspace, catalogue: try SolutionCatalogue.load(workspace),
                                                participants: try await store.participants())
        return registry?.devices.map(\.name) ?? []
    }

    public func summary(_ query: Query) async throws -> Result {
        let known = try await store.telemetryDevices()
        // A misspelt name is said so, not answered with an empty table.
        // A device of devices.yaml with no readings yet is known (an empty summary).
        if let device = query.device, !known.contains(where: { $0.name == device }) {
            try UnknownName.require(device, kind: "device", place: "in corpus/devices.yaml or the readings",
                                    known: Set(known.map(\.name) + (try await registered())))
        }
        if let participant = query.participant {
            try UnknownName.require(participant, kind: "participant", place: "in corpus/participants.yaml",
                                    known: try await store.participants().map(\.id))
        }
        let devices = known.filter { device in
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
        let settings = try workspace.settings()
        let zone = query.timeZone ?? settings.timeZone
        let thresholds = Dictionary(devices.map { ($0.name, query.inactivityHours ?? settings.inactivity.hours(for: $0.solutionID)) },
                                    uniquingKeysWith: { first, _ in first })
        let rollups: [TelemetryDayRollup]
        if !Self.isUTC(zone) {
            // The stored rollups are UTC days: local days are counted from the readings, and the
            // consent gate then decides on the local day too (consent dates are the residents' dates).
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
            for device in devices {
                let metrics = catalogue[device.solutionID]?.metrics.filter { $0.signal != nil } ?? []
                guard !metrics.isEmpty else { continue }
                // Consent is weighed on the same days as the rows: a day the rows hide has no events.
                let readings = try await store.telemetryReadings(device: device.name, metrics: metrics.map(\.name), from: nil, to: nil)
                    .filter { allowed($0.device, Self.isUTC(zone) ? UTCTime.day($0.time) : Self.localDay($0.time, in: zone)) }
                let doors = Set(metrics.filter { $0.signal == .door }.map(\.name))
                events += TelemetryEvents.doorsAtNight(readings.filter { doors.contains($0.metric) }) { time in
                    Self.localHour(time, in: zone)
                }
                events += TelemetryEvents.noActivity(readings, hours: thresholds[device.name] ?? settings.inactivity.defaultHours)
            }
        }
        return Result(devices: devices, rows: TelemetrySummary.aggregate(visible, period: query.period),
                      events: events.sorted { ($0.device, $0.start) < ($1.device, $1.start) },
                      hiddenDays: rollups.count - visible.count, timeZone: zone, inactivityHours: thresholds)
    }

    /// A zone that is UTC all year: the stored rollups are its days.
    static func isUTC(_ zone: TimeZone) -> Bool {
        zone.secondsFromGMT() == 0 && zone.nextDaylightSavingTimeTransition == nil
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
