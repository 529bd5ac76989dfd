import FieldworkCore
import Foundation

/// The protocol methods not yet ported to PostgreSQL. Each throws `NotYetSupportedOnPostgres`
/// naming itself: a caller learns at once, and nothing is silently skipped. (Issue 15.)
/// Telemetry and erasure are ported (PostgresStore+Telemetry.swift, PostgresStore+Erasure.swift).
extension PostgresStore {
}
