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
/// Only one server writes a workspace: a second `fieldwork serve` would hold its own codings in
/// memory and write the same codings files; it is refused at once, naming the one running
/// (`.fieldwork/server-writer.lock`, held exclusively by the writing server). Read-only servers
/// (`serve --read-only`, a standby) may run beside it and each other: they hold only the shared lock.
///
/// A kernel lock (`flock`), not a pid file: it ends with the process however the process ends,
/// so a crashed server never blocks an erasure. The file holds a running server's pid and
/// address, or the command holding it exclusively, for the messages only; a note naming a
/// process that has ended is not shown.
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
    static func writerURL(_ workspace: Workspace) -> URL { workspace.stateDirectory.appending(path: "server-writer.lock") }

    /// Held by `fieldwork serve` until it ends.
    public static func serving(_ workspace: Workspace) throws -> ServerLock {
        let lock = try openFile(workspace)
        guard flock(lock.descriptor, LOCK_SH | LOCK_NB) == 0 else {
            let holder = note(url(workspace)) == "`fieldwork restore`" ? ("restored", "`fieldwork restore`") : ("erased", "`fieldwork erase`")
            throw ServerLockError("\(workspace.root.path) is being \(holder.0) (\(holder.1) is running); start the server when it has finished")
        }
        return lock
    }

    /// Held by the one server that writes the workspace (every server but a read-only one),
    /// beside `serving`: a second is refused at once, naming the first (its pid and address).
    public static func writing(_ workspace: Workspace) throws -> ServerLock {
        let lock = try openFile(writerURL(workspace), workspace)
        guard flock(lock.descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = note(writerURL(workspace))
            throw ServerLockError("a fieldwork server is already running on this workspace\(holder.isEmpty ? "" : " (\(holder))"): "
                                  + "use that one, or stop it (Ctrl-C) before starting another (two would write the same codings files); "
                                  + "`fieldwork serve --read-only` may run beside it")
        }
        lock.exclusive = true
        lock.describe("pid \(getpid()), starting")
        return lock
    }

    /// Records where the server listens (for the messages a refused erasure or server prints).
    /// Servers share the lock (read-only ones beside the writing one): the note stays the first
    /// running server's.
    public func describe(_ text: String) {
        if !exclusive, let other = Self.runningProcess(in: Self.read(descriptor)), other != getpid() { return }
        ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
    }

    /// Held by a command that must not run beside a server (`erase`, `restore`); `action` names
    /// it in the messages (its own, and a refused server's or command's).
    public static func exclusive(_ workspace: Workspace, for action: String) throws -> ServerLock {
        let lock = try openFile(workspace)
        guard flock(lock.descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = note(url(workspace))
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

    /// The file's note, unless it names a server process that has ended (a killed server's).
    private static func note(_ file: URL) -> String {
        let text = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("pid "), runningProcess(in: text) == nil { return "" }
        return text
    }

    private static func read(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    /// The pid a note names (`pid 123, http://…`) while that process runs.
    private static func runningProcess(in note: String) -> pid_t? {
        guard note.hasPrefix("pid "), let pid = pid_t(note.dropFirst(4).prefix(while: \.isNumber)), pid > 0 else { return nil }
        return kill(pid, 0) == 0 || errno == EPERM ? pid : nil
    }

    private static func openFile(_ workspace: Workspace) throws -> ServerLock {
        try openFile(url(workspace), workspace)
    }

    private static func openFile(_ file: URL, _ workspace: Workspace) throws -> ServerLock {
        try FileManager.default.createDirectory(at: workspace.stateDirectory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ServerLockError("cannot open \(workspace.relativePath(of: file)): \(String(cString: strerror(errno)))")
        }
        return ServerLock(descriptor: descriptor)
    }
}

public struct ServerLockError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
