import FieldworkCore
import Foundation
import Synchronization

/// `corpus/access.yaml` for a server that consults it on every request: the file is parsed again
/// only when it changed (another inode, size or modification time), so an edit still applies to
/// the next request while a request that finds it unchanged pays one `stat` — building its URL
/// and asking `FileManager` per request was a measurable part of a coding write's server time.
/// A file modified in the last two seconds is always read again: a second edit within the file
/// system's timestamp granularity, of the same size, would otherwise go unnoticed.
public final class AccessPolicyReader: Sendable {
    private let workspace: Workspace
    private let path: String
    private let cached = Mutex<(stamp: Stamp, policy: AccessPolicy)?>(nil)

    private struct Stamp: Equatable {
        let device, inode: UInt64
        let size: Int64
        let seconds, nanoseconds: Int
    }

    public init(workspace: Workspace) {
        self.workspace = workspace
        path = workspace.root.appending(path: AccessPolicyFile.relativePath).path
    }

    /// The policy as the file says now (`AccessPolicyFile.load`, with its errors).
    public func current() throws -> AccessPolicy {
        var status = stat()
        guard stat(path, &status) == 0 else {
            // No file: nothing is restricted. Anything else: as the uncached load decides.
            return errno == ENOENT ? .open : try AccessPolicyFile.load(workspace)
        }
        let stamp = Stamp(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                          seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
        if let known = cached.withLock({ $0 }), known.stamp == stamp { return known.policy }
        let policy = try AccessPolicyFile.load(workspace)
        let settled = Double(stamp.seconds) < Date().timeIntervalSince1970 - 2
        cached.withLock { $0 = settled ? (stamp, policy) : nil }
        return policy
    }
}
