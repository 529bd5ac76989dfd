#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Who holds the workspace: `fieldwork serve` holds `.fieldwork/server.lock` shared for as long
/// as it runs (several servers may); an erasure holds it exclusively. A server keeps codings in
/// memory and writes them back to the codings files, so an erasure under a running server would
/// come back on the next write — erasing refuses while any server holds the lock, and a server
/// refuses to start during an erasure. `fieldwork restore` holds it exclusively too: a server
/// would write the codings it holds over the restored database.
///
/// A kernel lock (`flock`), not a pid file: it ends with the process however the process ends,
/// so a crashed server never blocks an erasure. The file holds the last server's pid and address,
/// or the command holding it exclusively, for the messages only.
public final class ServerLock: @unchecked Sendable {
    private let descriptor: Int32
    private var exclusive = false

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        if exclusive { ftruncate(descriptor, 0) }
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    public static func url(_ workspace: Workspace) -> URL { workspace.stateDirectory.appending(path: "server.lock") }

    /// Held by `fieldwork serve` until it ends.
    public static func serving(_ workspace: Workspace) throws -> ServerLock {
        let lock = try openFile(workspace)
        guard flock(lock.descriptor, LOCK_SH | LOCK_NB) == 0 else {
            let holder = note(workspace) == "`fieldwork restore`" ? ("restored", "`fieldwork restore`") : ("erased", "`fieldwork erase`")
            throw ServerLockError("\(workspace.root.path) is being \(holder.0) (\(holder.1) is running); start the server when it has finished")
        }
        return lock
    }

    /// Records where the server listens (for the message a refused erasure prints).
    public func describe(_ text: String) {
        ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Held by a command that must not run beside a server (`erase`, `restore`); `action` names
    /// it in the messages (its own, and a refused server's or command's).
    public static func exclusive(_ workspace: Workspace, for action: String) throws -> ServerLock {
        let lock = try openFile(workspace)
        guard flock(lock.descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = note(workspace)
            if holder.hasPrefix("`fieldwork ") {
                throw ServerLockError("\(holder) is running on this workspace; run \(action) when it has finished")
            }
            throw ServerLockError("a fieldwork server is running on this workspace\(holder.isEmpty ? "" : " (\(holder))"); "
                                  + "stop it (Ctrl-C) and run \(action) again: a running server would write what it holds back")
        }
        lock.exclusive = true
        lock.describe(action)
        return lock
    }

    private static func note(_ workspace: Workspace) -> String {
        ((try? String(contentsOf: url(workspace), encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func openFile(_ workspace: Workspace) throws -> ServerLock {
        try FileManager.default.createDirectory(at: workspace.stateDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let descriptor = open(url(workspace).path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServerLockError("cannot open \(workspace.relativePath(of: url(workspace))): \(String(cString: strerror(errno)))")
        }
        return ServerLock(descriptor: descriptor)
    }
}

public struct ServerLockError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
