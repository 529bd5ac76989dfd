import FieldworkProcess
import Foundation

/// Runs a program found on `PATH` (Graphviz `dot`, headless Chromium) with input on stdin, and
/// collects its output, error text and exit status, so failures can be reported as they are.
public struct ExternalProgram: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
    }

    public let name: String
    public let url: URL

    /// The program `name` from `PATH`, or nil when it is not installed.
    public init?(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let found = directories.lazy.map({ URL(fileURLWithPath: String($0)).appending(path: name) })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else { return nil }
        self.name = name
        self.url = found
    }

    /// Runs the program to its end on a thread of its own. A program takes from milliseconds
    /// (`dot`) to seconds (Chromium printing a PDF), and a server must not wait for it on Swift's
    /// cooperative pool: on two cores that pool has two threads, so two PDF downloads stopped
    /// every other request.
    public func run(_ arguments: [String], input: Data = Data()) async throws -> Result {
        try await onOwnThread { try runWaiting(arguments, input: input) }
    }

    private func runWaiting(_ arguments: [String], input: Data) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the program runs: a full pipe buffer would otherwise block it.
        // The error text on a thread of its own (a blocking read parked on Dispatch's global
        // queue waits for that queue to grow a thread, which takes seconds when many wait),
        // the output on this one, after the input is written.
        let errors = PipeReader(stderr.fileHandleForReading)
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: output, stderr: String(decoding: errors.wait(), as: UTF8.self))
    }
}

/// A helper program that is missing or failed, with what it said.
public enum ExternalProgramError: Error, CustomStringConvertible {
    case notInstalled(program: String, package: String)
    case failed(program: String, status: Int32, stderr: String)

    public var description: String {
        switch self {
        case .notInstalled(let program, let package):
            "'\(program)' is not installed (Debian package \(package): sudo apt-get install \(package))"
        case .failed(let program, let status, let stderr):
            "\(program) exited with status \(status)" + (stderr.isEmpty ? "" : ": \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
