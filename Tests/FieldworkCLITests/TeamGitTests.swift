import Foundation
import Testing

/// Two researchers, two clones of one git repository, each coding with the real binary in their
/// own workspace: after committing and pulling both ways, both see every coding, git never
/// reports a conflict, removals travel, and agreement is computed over both coders.
@Suite(.serialized) struct TeamGitTests {
    struct Machine {
        let root: URL
        let cli: CLIRunner

        init(_ root: URL) {
            self.root = root
            cli = CLIRunner(workspace: root)
        }

        @discardableResult
        func git(_ arguments: String...) throws -> String {
            try TeamGitTests.git(arguments, in: root)
        }

        func codingIDs() async throws -> Set<String> {
            Set((try await cli.json("code", "list") as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        }
    }

    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                             "-c", "init.defaultBranch=main", "-c", "pull.rebase=false"] + arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw CLIError.failed("git \(arguments.joined(separator: " ")): \(text)") }
        return text
    }

    /// A span inside the first turn of `speaker` in `document`, as scalar offsets.
    static func span(in machine: Machine, document: String, speaker: String, skip: Int = 0) async throws -> (Int, Int) {
        let segments = try await machine.cli.json("segments", document) as? [[String: Any]] ?? []
        let turn = try #require(segments.first { $0["speaker"] as? String == speaker })
        let start = try #require(turn["start"] as? Int) + skip
        return (start, start + 24)
    }

    @Test func twoClonesTwoCodersCommitAndPullBothWays() async throws {
        let base = FileManager.default.temporaryDirectory.appending(path: "fieldwork-team-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let seed = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: seed) }
        try Data(".fieldwork/\nexports/\naudit/\n".utf8).write(to: seed.appending(path: ".gitignore"))
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        try Self.git(["init", "-q"], in: seed)
        try Self.git(["add", "."], in: seed)
        try Self.git(["commit", "-qm", "study"], in: seed)
        try Self.git(["clone", "-q", "--bare", seed.path, base.appending(path: "origin.git").path], in: base)
        try Self.git(["clone", "-q", "origin.git", "anna"], in: base)
        try Self.git(["clone", "-q", "origin.git", "bo"], in: base)
        let anna = Machine(base.appending(path: "anna")), bo = Machine(base.appending(path: "bo"))

        // Both code the same interview at the same time, each on their own machine.
        for machine in [anna, bo] { #expect(try await machine.cli.run("ingest").status == 0) }
        let (s1, e1) = try await Self.span(in: anna, document: "int-001", speaker: "R01")
        let (s2, e2) = try await Self.span(in: anna, document: "int-001", speaker: "R01", skip: 30)
        #expect(try await anna.cli.run("code", "add", "int-001", "--start", "\(s1)", "--end", "\(e1)",
                                 "--code", "need.safety.night", "--coder", "Anna").status == 0)
        #expect(try await bo.cli.run("code", "add", "int-001", "--start", "\(s1)", "--end", "\(e1)",
                               "--code", "need.safety.night", "--coder", "Bo").status == 0)
        #expect(try await bo.cli.run("code", "add", "int-001", "--start", "\(s2)", "--end", "\(e2)",
                               "--code", "emotion.fear", "--coder", "Bo").status == 0)
        let annas = try await anna.codingIDs(), bos = try await bo.codingIDs()
        #expect(annas.count == 1 && bos.count == 2)

        // Commit and share: Anna first, then Bo pulls (a merge, no conflict) and pushes, Anna pulls.
        try anna.git("add", "codings")
        try anna.git("commit", "-qm", "Anna codes int-001")
        try anna.git("push", "-q", "origin", "main")
        try bo.git("add", "codings")
        try bo.git("commit", "-qm", "Bo codes int-001")
        let boPull = try bo.git("pull", "--no-edit", "origin", "main")
        #expect(!boPull.contains("CONFLICT"))
        try bo.git("push", "-q", "origin", "main")
        let annaPull = try anna.git("pull", "--no-edit", "origin", "main")
        #expect(!annaPull.contains("CONFLICT"))

        for machine in [anna, bo] {
            #expect(try await machine.cli.run("ingest").status == 0)
            #expect(try await machine.codingIDs() == annas.union(bos))
        }
        let agreement = try #require(try await anna.cli.json("agreement", "--coders", "Anna,Bo") as? [String: Any])
        let overall = try #require(agreement["overall"] as? [String: Any])
        #expect((overall["units"] as? Int ?? 0) > 0)
        #expect(agreement["disagreements"] as? [Any] != nil)

        // Bo removes his second coding; the removal reaches Anna, and her own file is untouched.
        let fears = Set(((try? await bo.cli.json("code", "list", "--code", "emotion.fear")) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        let second = try #require(bos.subtracting(annas).first { fears.contains($0) })
        #expect(try await bo.cli.run("code", "remove", second, "--coder", "Bo").status == 0)
        try bo.git("commit", "-qam", "Bo removes a coding")
        try bo.git("push", "-q", "origin", "main")
        #expect(!(try anna.git("pull", "--no-edit", "origin", "main")).contains("CONFLICT"))
        #expect(try await anna.cli.run("ingest").status == 0)
        #expect(try await anna.codingIDs() == annas.union(bos).subtracting([second]))
        #expect(try anna.git("status", "--porcelain").isEmpty)
    }
}
