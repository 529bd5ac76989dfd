/// Where audit entries are kept (`AuditEntry`): append-only, tamper-evident.
///
/// The workspace keeps its log as a file (`audit/log.jsonl`, `AuditLog` in the services), because
/// the database is a rebuildable index that a team may delete; a team server could keep the
/// log in a table and implement this protocol instead.
public protocol AuditTrail: Sendable {
    /// Appends one entry after the last, with the chain's link to it.
    @discardableResult
    func append(_ action: AuditAction, by: String, details: [String: String]) async throws -> AuditEntry
    /// Every entry, oldest first (lines that do not parse are left out: `verify` names them).
    func entries() async throws -> [AuditEntry]
    func verify() async throws -> AuditChain.Verification
}

/// The store remembers the audit log's head, so that lines cut off the end of the log are
/// noticed (`AuditChain.verify`).
public protocol AuditHeadStore: Sendable {
    func auditHead() async throws -> AuditHead?
    func recordAuditHead(_ head: AuditHead) async throws
}
