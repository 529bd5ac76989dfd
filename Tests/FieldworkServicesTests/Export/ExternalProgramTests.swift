import FieldworkServices
import Foundation
import Testing

struct ExternalProgramTests {
    @Test func aProgramsOutputErrorsAndStatusAreKept() async throws {
        let sh = try #require(ExternalProgram("sh"))
        let result = try await sh.run(["-c", "cat; echo fel >&2; exit 3"], input: Data("indata".utf8))
        #expect(result.status == 3)
        #expect(String(decoding: result.stdout, as: UTF8.self) == "indata")
        #expect(result.stderr == "fel\n")
    }

    /// Programs that take long (Chromium printing a report) must not hold Swift's cooperative
    /// threads: the server's other requests run on them. More programs than the pool has threads
    /// wait for a file that only this test's own task writes, which it can do only if a thread is
    /// free. Were they blocking, a watchdog would free them after 60 s with its own word.
    @Test func waitingProgramsLeaveTheCooperativeThreadsFree() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-program-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let release = folder.appending(path: "release")
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 60)
            try? Data("watchdog".utf8).write(to: release, options: .withoutOverwriting)
        }
        let sh = try #require(ExternalProgram("sh"))
        let waiting = ProcessInfo.processInfo.activeProcessorCount * 2 + 2
        let script = "while [ ! -s '\(release.path)' ]; do sleep 0.02; done; cat '\(release.path)'"
        let outputs = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<waiting {
                group.addTask { String(decoding: try await sh.run(["-c", script]).stdout, as: UTF8.self) }
            }
            try await Task.sleep(for: .milliseconds(200))
            try? Data("test".utf8).write(to: release, options: .withoutOverwriting)
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outputs == Array(repeating: "test", count: waiting))
    }
}
