import Foundation

/// Runs the real `fieldwork` executable built next to the test bundle.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let workspace: URL

    static var executable: URL {
        // The test runner lives in the build products folder, next to the `fieldwork` binary.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [products, products.deletingLastPathComponent()]
        for folder in candidates where FileManager.default.isExecutableFile(atPath: folder.appending(path: "fieldwork").path) {
            return folder.appending(path: "fieldwork")
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: ".build/debug/fieldwork")
    }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) throws -> Result {
        try run(arguments, environment: environment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["--workspace", workspace.path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs with `--json` and parses the output; a non-zero exit is an error.
    func json(_ arguments: String...) throws -> Any {
        let result = try run(arguments + ["--json"])
        guard result.status == 0 else { throw CLIError.failed(result.stderr) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A copy of the repository's sample workspace (corpus and codebooks) in a temporary folder.
    static func sampleWorkspaceCopy() throws -> URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let copy = FileManager.default.temporaryDirectory.appending(path: "fieldwork-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["corpus", "codebooks"] {
            try FileManager.default.copyItem(at: repository.appending(path: folder), to: copy.appending(path: folder))
        }
        return copy
    }
}

enum CLIError: Error {
    case failed(String)
}
