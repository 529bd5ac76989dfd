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

    public func run(_ arguments: [String], input: Data = Data()) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes while the program runs: a full pipe buffer would otherwise block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var output = Data(), errors = Data()
        DispatchQueue.global().async(group: group) { output = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errors = stderr.fileHandleForReading.readDataToEndOfFile() }
        try? stdin.fileHandleForWriting.write(contentsOf: input)
        try? stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: output, stderr: String(decoding: errors, as: UTF8.self))
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
