import Foundation
import Testing

/// An error a nested subcommand finds while it runs shows that subcommand's usage: it showed the
/// root's (`Usage: fieldwork [--workspace <DIR>] … <subcommand>`), which says nothing of the
/// arguments the failing command takes.
@Suite struct SubcommandUsageCLITests {
    @Test func aRunTimeUsageErrorShowsTheSubcommandsUsage() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-not-a-workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = CLIRunner(workspace: folder)
        let commands: [([String], String)] = [
            (["code", "add", "int-001", "--start", "0", "--end", "3", "--code", "need", "--coder", "Anna"], "fieldwork code add"),
            (["telemetry", "import", "readings.csv"], "fieldwork telemetry import"),
            (["export", "segments"], "fieldwork export segments"),
        ]
        for (command, name) in commands {
            let result = try await cli.run(command)
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.hasPrefix("Error: \(folder.path) is not a Fieldwork workspace"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("Usage: \(name) ") && result.stderr.contains("See '\(name) --help' for more information."),
                    "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("<subcommand>"), "\(command): \(result.stderr)")
        }
    }
}
