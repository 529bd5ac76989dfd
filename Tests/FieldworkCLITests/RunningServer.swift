import FieldworkProcess
import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork serve --port 0` on a workspace, as a user starts it: the real binary, waited for
/// until it prints its address. `stop()` ends it as a service manager does (SIGTERM, handled as Ctrl-C).
/// Its state is set only while it starts, before any other thread sees it.
final class RunningServer: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0
    /// What the server printed before its address.
    private(set) var banner = ""

    /// Started and waited for on a thread of its own: a debug server takes seconds to print its
    /// address, too long to hold one of the cooperative pool's threads (see `ProcessRunner`).
    /// `standardError`: a file that receives the server's log (else it is discarded).
    static func start(workspace: URL, environment: [String: String] = [:], arguments: [String] = [],
                      standardError: URL? = nil) async throws -> RunningServer {
        try await onOwnThread {
            try RunningServer(workspace: workspace, environment: environment, arguments: arguments, standardError: standardError)
        }
    }

    private init(workspace: URL, environment: [String: String], arguments: [String], standardError: URL?) throws {
        process.executableURL = CLIRunner.executable
        process.arguments = ["--workspace", workspace.path, "serve", "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment
            .merging(try TestStore.environment(forWorkspace: workspace)) { $1 }.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        if let standardError {
            FileManager.default.createFile(atPath: standardError.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: standardError)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        while port == 0 {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            banner += String(decoding: chunk, as: UTF8.self)
            if let match = banner.firstMatch(of: /127\.0\.0\.1:(\d+)\//) { port = Int(match.1) ?? 0 }
        }
        if port == 0 {
            stop()
            throw CLIError.failed("the server printed no address: \(banner)")
        }
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }
}
