import FieldworkProcess
import Foundation

/// What a finished process printed and how it ended.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program to its end and collects what it printed.
///
/// Async tests must use the async overload (the compiler picks it there and asks for `await`).
/// The blocking one holds the calling thread until the program ends. On a 2-core machine Swift's
/// cooperative pool has two threads, so two tests waiting for `fieldwork` runs stopped every other
/// test's tasks, live servers included. Under `make test` a one-second web test then took two
/// minutes, and a request outlived the test client's 20 s timeout.
public enum ProcessRunner {
    /// The program runs and is waited for on a thread of its own, not on the cooperative pool.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                           in directory: URL? = nil, input: String? = nil) async throws -> ProcessOutput {
        try await onOwnThread { try run(executable, arguments, environment: environment, in: directory, input: input) }
    }

    /// `input`, if given, is written to the program's standard input, which is then closed.
    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:],
                           in directory: URL? = nil, input: String? = nil) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        // Standard error goes to a file, read after the end: only one pipe to drain, so the
        // program never waits on a full one.
        let errors = FileManager.default.temporaryDirectory.appending(path: "fieldwork-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errors.path])
        }
        defer { try? FileManager.default.removeItem(at: errors) }
        let errorHandle = try FileHandle(forWritingTo: errors)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errorHandle
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        try errorHandle.close()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessOutput(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self))
    }
}

/// The `fieldwork` binary built next to the test bundle.
public enum FieldworkBinary {
    public static var url: URL {
        // The test runner lives in the build products folder, next to the `fieldwork` binary.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [products, products.deletingLastPathComponent()]
        where FileManager.default.isExecutableFile(atPath: folder.appending(path: "fieldwork").path) {
            return folder.appending(path: "fieldwork")
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: ".build/debug/fieldwork")
    }
}
