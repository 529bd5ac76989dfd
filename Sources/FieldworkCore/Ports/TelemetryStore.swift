/// Persistence for device telemetry, kept beside `FieldworkStore` (same rule: atomic).
public protocol TelemetryStore: Sendable {
    /// Registers `devices` (pseudonyms only), then runs `body`, one import at a time: everything
    /// `body` writes is stored if it returns, and nothing if it throws or the process dies (taken
    /// back when the store is next opened). Readings may be committed in short transactions as
    /// they come, so that other writers are never held up for long; while an import runs,
    /// readers may see part of it. `source` names the file (workspace-relative) for provenance.
    /// The body stays synchronous (a file is parsed in one pass, at millions of readings a
    /// second); a store may buffer what it writes and store it when the body has returned.
    func importTelemetry<Result>(source: String, devices: [TelemetryDevice],
                                 _ body: (any TelemetryWriter) throws -> Result) async throws -> TelemetryImported<Result>
    func telemetryDevices() async throws -> [TelemetryDevice]
    /// Day rollups, optionally only of the named devices (pseudonyms).
    func telemetryDays(devices: [String]?) async throws -> [TelemetryDayRollup]
    /// Readings of one device in `[from, to)` (milliseconds UTC), optionally only some metrics.
    func telemetryReadings(device: String, metrics: [String]?, from: Int64?, to: Int64?) async throws -> [TelemetryReading]
    func telemetryReadingCount() async throws -> Int
}

/// Writes readings during one import. Ids are the store's own; look them up once, use them often.
public protocol TelemetryWriter: AnyObject {
    /// The id of a device registered for this import, by pseudonym.
    func deviceID(named name: String) -> Int64?
    func metricID(name: String, unit: String?) throws -> Int64
    /// Offers a reading. One the device already has (same metric and time, stored before or
    /// earlier in this import) is not stored again, so importing the same file twice stores it
    /// once; `TelemetryImported.stored` counts the readings stored. (A store that buffers
    /// cannot tell a duplicate at once, so this returns nothing.)
    func insert(device: Int64, metric: Int64, time: Int64, value: Double?, sum: Double?) throws
}

/// What an import's body returned, and how many of the readings it offered were stored (the
/// rest were already there).
public struct TelemetryImported<Result> {
    public var result: Result
    public var stored: Int

    public init(result: Result, stored: Int) {
        self.result = result
        self.stored = stored
    }
}

extension TelemetryImported: Sendable where Result: Sendable {}
