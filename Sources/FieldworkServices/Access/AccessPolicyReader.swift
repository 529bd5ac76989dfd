import FieldworkCore
import Foundation
import Synchronization

/// `corpus/access.yaml` for a server that asks on every request, so an edit applies at once:
/// the file is parsed again only when its size, modification time (nanoseconds), inode or
/// change time differ from the copy held. A `stat` instead of opening, reading and parsing the
/// file on each request.
public final class AccessPolicyReader: Sendable {
    private struct FileIdentity: Equatable {
        var size: Int64, device: UInt64, inode: UInt64
        var modified: timespec, changed: timespec

        static func == (a: FileIdentity, b: FileIdentity) -> Bool {
            a.size == b.size && a.device == b.device && a.inode == b.inode
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }
    }

    private let path: String
    private let workspace: Workspace
    private let held = Mutex<(identity: FileIdentity, policy: AccessPolicy)?>(nil)

    public init(workspace: Workspace) {
        self.workspace = workspace
        path = workspace.root.appending(path: AccessPolicyFile.relativePath).path
    }

    /// The policy as the file says now (no file: nothing restricted); a broken file throws, every time.
    public func current() throws -> AccessPolicy {
        var status = stat()
        guard stat(path, &status) == 0 else {
            held.withLock { $0 = nil }
            // No file: nothing restricted (most workspaces; every request asks). Otherwise the
            // load says why the file cannot be read.
            if errno == ENOENT { return .open }
            return try AccessPolicyFile.load(workspace)
        }
        let identity = FileIdentity(size: Int64(status.st_size), device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
                                    modified: status.st_mtim, changed: status.st_ctim)
        if let kept = held.withLock({ $0 }), kept.identity == identity { return kept.policy }
        let policy = try AccessPolicyFile.load(workspace)
        held.withLock { $0 = (identity, policy) }
        return policy
    }
}
