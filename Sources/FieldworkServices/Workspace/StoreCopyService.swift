import FieldworkCore
import FieldworkPostgres
import FieldworkStore
import Foundation

/// `fieldwork store copy`: a workspace's study from its SQLite file into an empty PostgreSQL
/// database (`--to`), or from PostgreSQL into the workspace's empty SQLite file (`--from`, to
/// archive a team server's study). Everything or nothing, checked by rows and checksums per
/// table computed on both sides (`StoreTransfer`).
///
/// The audit log is the workspace's file (`AuditLog`); the stores keep its head, which is copied
/// as it is with the rest. The copy itself is recorded after it, and the head moves to that
/// entry in both stores the copy joined.
public struct StoreCopyService: Sendable {
    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Copies the workspace's study into the empty PostgreSQL database at `url`.
    public func copy(to url: String) async throws -> StoreCopyReport {
        let source = SQLiteStore(try AppDatabase.open(path: workspace.databasePath))
        // Connected at its first query, after the source was found to hold a study.
        let target = try PostgresStore.open(url: url)
        defer { target.close() }
        let report = try await Self.copy(from: source, to: target, direction: "to", url: url)
        // The study left this machine: an export of everything, as a backup is.
        let entry = try await AuditLog(workspace: workspace, store: target)
            .append(.export, by: Acting.current.auditName, details: report.auditDetails)
        try await source.recordAuditHead(AuditHead(seq: entry.seq, hash: SHA256.hex(Array(entry.line.utf8))))
        return report
    }

    /// Copies the study in the PostgreSQL database at `url` into the workspace's empty SQLite
    /// file. Not beside a server on this workspace: it holds the database open.
    public func copy(from url: String) async throws -> StoreCopyReport {
        let lock = try ServerLock.exclusive(workspace, for: "`fieldwork store copy --from`")
        defer { withExtendedLifetime(lock) {} }
        let source = try await PostgresStore.connect(url: url)
        defer { source.close() }
        let target = SQLiteStore(try AppDatabase.open(path: workspace.databasePath))
        let report = try await Self.copy(from: source, to: target, direction: "from", url: url)
        try await AuditLog(workspace: workspace, store: target)
            .append(.import, by: Acting.current.auditName, details: report.auditDetails)
        return report
    }

    static func copy(from source: any StoreTransfer, to target: any StoreTransfer,
                     direction: String, url: String) async throws -> StoreCopyReport {
        let manifests = try await StoreCopy.run(from: source, to: target)
        return StoreCopyReport(direction: direction, store: StoreCopyReport.redacted(url),
                               source: manifests.source, target: manifests.target)
    }
}

/// What a copy moved: per table, rows and checksum on each side (equal, or there is no copy).
public struct StoreCopyReport: Sendable, Codable {
    /// `to` PostgreSQL or `from` it.
    public let direction: String
    /// The PostgreSQL URL without its password.
    public let store: String
    public let source: TransferManifest
    public let target: TransferManifest

    public var rows: Int { target.entries.reduce(0) { $0 + $1.rows } }

    var auditDetails: [String: String] {
        var details = ["kind": "store-copy", direction: store, "tables": "\(target.entries.count)"]
        for table in ["document", "segment", "coding", "coding_event", "memo", "account", "reading"] {
            if let entry = target.entry(table) { details[table] = "\(entry.rows)" }
        }
        return details
    }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "postgresql://" }
        components.password = nil
        return components.string ?? "postgresql://"
    }
}
