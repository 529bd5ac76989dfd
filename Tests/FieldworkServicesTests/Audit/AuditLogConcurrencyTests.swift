import FieldworkCore
import FieldworkServices
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Appends that wait for the audit file's lock leave their threads free (a team server stopped
/// answering at 50 logins at once: every cooperative thread was blocked in flock(2) while the
/// append holding the lock waited for one to record the head). Another process's lock is
/// played by the test's own descriptor (flock locks belong to the open file, not the process).
@Suite struct AuditLogConcurrencyTests {
    /// Keeps the head in memory, without suspending: so that, were the waiting appends to block
    /// their threads, each could still finish once the test lets the lock go (the test fails,
    /// it does not hang).
    final class Heads: AuditHeadStore {
        let head = Mutex<AuditHead?>(nil)
        func auditHead() async throws -> AuditHead? { head.withLock { $0 } }
        func recordAuditHead(_ head: AuditHead) async throws { self.head.withLock { $0 = head } }
    }

    @Test func appendsWaitingForTheLockLeaveTheirThreadsFree() async throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try Workspace.create(at: root)
        let log = AuditLog(workspace: workspace, store: Heads())
        try FileManager.default.createDirectory(at: log.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let held = open(log.url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(held >= 0 && flock(held, LOCK_EX) == 0)

        // More appends than the process has threads for tasks, all waiting for the lock.
        let count = ProcessInfo.processInfo.activeProcessorCount * 2 + 4
        let appends = (0..<count).map { index in
            Task.detached { try await log.append(.login, by: "coder\(index)", details: [:]) }
        }
        #expect(Self.anotherTaskRuns(after: 0.3), "a task found no free thread while the appends waited")
        flock(held, LOCK_UN)
        close(held)
        for append in appends { _ = try await append.value }
        let entries = try await log.entries()
        #expect(entries.count == count)
        #expect(Set(entries.map(\.by)).count == count)
        #expect(try await log.verify().problems.isEmpty)
    }

    /// Waits `seconds` on this thread, then whether a new task gets a thread within 10 s (this
    /// thread blocked meanwhile, so that only the others can run it).
    static func anotherTaskRuns(after seconds: Double) -> Bool {
        usleep(UInt32(seconds * 1_000_000))
        let ran = DispatchSemaphore(value: 0)
        Task.detached { ran.signal() }
        return ran.wait(timeout: .now() + 10) == .success
    }
}
