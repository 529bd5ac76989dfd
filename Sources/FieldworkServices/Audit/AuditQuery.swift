import FieldworkCore

extension AuditLog {
    /// Exports made before now, newest last: what to recall after an erasure.
    public func exports() async throws -> [AuditEntry] {
        try await entries().filter { $0.action == .export }
    }
}
