import FieldworkCore
import Foundation

/// The protocol methods not yet ported to PostgreSQL. Each throws `NotYetSupportedOnPostgres`
/// naming itself: a caller learns at once, and nothing is silently skipped. (Issue 15.)
extension PostgresStore {
    // MARK: TelemetryStore
    public func importTelemetry<Result>(source: String, devices: [TelemetryDevice],
                                        _ body: (any TelemetryWriter) throws -> Result) throws -> Result {
        throw NotYetSupportedOnPostgres(feature: "telemetry import")
    }

    public func telemetryDevices() async throws -> [TelemetryDevice] {
        throw NotYetSupportedOnPostgres(feature: "telemetry devices")
    }

    public func telemetryDays(devices: [String]?) async throws -> [TelemetryDayRollup] {
        throw NotYetSupportedOnPostgres(feature: "telemetry day rollups")
    }

    public func telemetryReadings(device: String, metrics: [String]?, from: Int64?, to: Int64?) async throws -> [TelemetryReading] {
        throw NotYetSupportedOnPostgres(feature: "telemetry readings")
    }

    public func telemetryReadingCount() async throws -> Int {
        throw NotYetSupportedOnPostgres(feature: "telemetry reading count")
    }

    // MARK: ErasureStore
    public func erase(_ plan: StoreErasure) async throws -> StoreErasure.Deleted {
        throw NotYetSupportedOnPostgres(feature: "erasure (GDPR art. 17)")
    }

    public func refreshCodingContext(documentIDs: [String]) async throws {
        throw NotYetSupportedOnPostgres(feature: "refreshing coding context after an erasure")
    }

    public func compact() async throws {
        throw NotYetSupportedOnPostgres(feature: "compacting after an erasure")
    }
}
