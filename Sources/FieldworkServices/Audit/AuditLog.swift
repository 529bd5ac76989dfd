import FieldworkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The workspace's audit log, `audit/log.jsonl` (see `AuditEntry`): a file, not a table, because
/// the database is an index that can be deleted and rebuilt from the workspace files, while the
/// record of who exported, imported or erased what cannot be rebuilt from anything. The store
/// keeps only the head it last saw, to notice lines cut off the end.
///
/// Appends take an exclusive `flock` on the file, so a server and a CLI command appending at the
/// same moment each link to the other's line.
public struct AuditLog: AuditTrail {
    public let url: URL
    let store: any AuditHeadStore
    /// This log's path in the workspace, for messages.
    public let path: String
    /// What keeps the head, as `verify` names it.
    let headKeeper: String
    /// The path in messages (`audit/log.jsonl`).
    public static let relativePath = "audit/log.jsonl"
    /// A read-only server's own log (`fieldwork serve` on a hot standby, or `--read-only`).
    public static let standbyPath = "audit/standby.jsonl"

    public init(workspace: Workspace, store: any AuditHeadStore) {
        self.init(workspace: workspace, path: Self.relativePath, store: store, headKeeper: "the database")
    }

    private init(workspace: Workspace, path: String, store: any AuditHeadStore, headKeeper: String) {
        url = workspace.root.appending(path: path)
        self.path = path
        self.store = store
        self.headKeeper = headKeeper
    }

    /// The log a read-only server keeps: a chain of its own, with its head in a file beside it
    /// (`audit/standby.head`), because its database takes no writes. Its logins, failed logins,
    /// logouts and exports never mix into the primary's chain, whose head the replica holds.
    public static func standby(_ workspace: Workspace) -> AuditLog {
        AuditLog(workspace: workspace, path: standbyPath,
                 store: AuditHeadFile(url: workspace.root.appending(path: standbyHeadPath)), headKeeper: standbyHeadPath)
    }

    static let standbyHeadPath = "audit/standby.head"

    @discardableResult
    public func append(_ action: AuditAction, by: String, details: [String: String]) async throws -> AuditEntry {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AuditLogError("\(path): cannot open (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        // Waits for the lock without holding a thread: the head is recorded (an await) while the
        // lock is held, and appends blocked in flock(2) on each of the few cooperative threads left
        // none to finish the one that held it (a team server stopped answering at 50 logins at once).
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw AuditLogError("\(path): cannot lock") }
            try await Task.sleep(for: .milliseconds(1))
        }
        defer { flock(descriptor, LOCK_UN) }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let last = text.split(separator: "\n").last
        let entry = AuditChain.next(after: last, at: UTCTime.isoTimestamp(date: Date()), by: by, action: action, details: details)
        let line = entry.line
        // A log whose last line lost its newline (an editor) still gets its entries on lines of their own.
        let bytes = Array(((text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + line + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else { throw AuditLogError("\(path): could not be written") }
        try await store.recordAuditHead(AuditHead(seq: entry.seq, hash: SHA256.hex(Array(line.utf8))))
        return entry
    }

    public func entries() async throws -> [AuditEntry] {
        try text().split(separator: "\n").compactMap(AuditEntry.parse)
    }

    public func verify() async throws -> AuditChain.Verification {
        AuditChain.verify(try text(), file: path, head: try await store.auditHead(), headKeeper: headKeeper)
    }

    private func text() throws -> String {
        guard FileManager.default.fileExists(atPath: url.path) else { return "" }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}

public struct AuditLogError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
