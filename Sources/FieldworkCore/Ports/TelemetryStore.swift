/// Persistence for device telemetry, kept beside `FieldworkStore` (same rule: atomic).
public protocol TelemetryStore: Sendable {
    /// Registers `devices` (pseudonyms only), then runs `body`, one import at a time: everything
    /// `body` writes is stored if it returns, and nothing if it throws or the process dies (taken
    /// back when the store is next opened). Readings may be committed in short transactions as
    /// they come, so that other writers are never held up for long; while an import runs,
    /// readers may see part of it. `source` names the file (workspace-relative) for provenance.
    /// The body stays synchronous (a file is parsed in one pass, at millions of readings a
    /// second); a store may buffer what it writes and store it when the body has returned.
    /// `file` is the file's fingerprint and stamp, kept with the finished import (and only then),
    /// so that ingest can tell a workspace file it has taken in, in this content, from one it has not.
    func importTelemetry<Result>(source: String, file: TelemetryFileState?, devices: [TelemetryDevice],
                                 _ body: (any TelemetryWriter) throws -> Result) async throws -> TelemetryImported<Result>
    /// Per source, the file as its latest finished import took it in; sources whose latest import
    /// was stored without a content hash (before hashes were kept) are left out.
    func telemetryImportedFiles() async throws -> [String: TelemetryFileState]
    /// New stamps of files read and found unchanged in content since their latest finished
    /// import (touched, checked out again): kept with that import, so the next ingest need not
    /// read them. A source without a finished import is left alone.
    func recordTelemetryFileStamps(_ stamps: [String: FileStamp]) async throws
    func telemetryDevices() async throws -> [TelemetryDevice]
    /// Day rollups, optionally only of the named devices (pseudonyms).
    func telemetryDays(devices: [String]?) async throws -> [TelemetryDayRollup]
    /// Readings of one device in `[from, to)` (milliseconds UTC), optionally only some metrics.
    func telemetryReadings(device: String, metrics: [String]?, from: Int64?, to: Int64?) async throws -> [TelemetryReading]
    func telemetryReadingCount() async throws -> Int
}

extension TelemetryStore {
    /// An import whose file is not remembered by its content (a test's, or a store's own copy).
    public func importTelemetry<Result>(source: String, devices: [TelemetryDevice],
                                        _ body: (any TelemetryWriter) throws -> Result) async throws -> TelemetryImported<Result> {
        try await importTelemetry(source: source, file: nil, devices: devices, body)
    }
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
