import Foundation
import Testing

/// Mistakes a newcomer makes on the command line get a clear error with the right exit status:
/// 64 (usage) for a value the command cannot take, 1 for a file or name that is not there.
@Suite struct CLIMistakesTests {
    @Test func aMissingFileOrNameIsSaidPlainly() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        // A CSV that is not there: Foundation's "Error Domain=NSCocoaErrorDomain Code=260 …" before.
        let csv = try await cli.run("telemetry", "import", "corpus/telemetry/nope.csv")
        #expect(csv.status == 1)
        #expect(csv.stderr.contains("corpus/telemetry/nope.csv: cannot read the file") && !csv.stderr.contains("NSCocoaErrorDomain"),
                "\(csv.stderr)")
        // A project that is not there: "is not a REFI-QDA project … ZIP archive" before.
        let qdpx = try await cli.run("import", "qdpx", "nope.qdpx", "--dry-run")
        #expect(qdpx.status == 1)
        #expect(qdpx.stderr.contains("nope.qdpx: cannot read the file: no such file"), "\(qdpx.stderr)")
        // A codebook file that is not there, and a folder given for a file: Foundation's
        // "Error Domain=NSCocoaErrorDomain Code=260 …" and "(NSCocoaErrorDomain error 256.)" before.
        let codebook = try await cli.run("import", "codebook", "nope.qdc")
        #expect(codebook.status == 1 && codebook.stderr.contains("nope.qdc: cannot read the file: no such file"), "\(codebook.stderr)")
        let folder = root.appending(path: "notes.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for command in [["telemetry", "import", folder.path], ["import", "transcript", folder.path, "--id", "int-900"]] {
            let result = try await cli.run(command)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("notes.txt: cannot read the file: a folder, not a file") && !result.stderr.contains("NSCocoaErrorDomain"),
                    "\(command): \(result.stderr)")
        }
        // A device or participant that is not there: an empty table and status 0 before.
        let device = try await cli.run("telemetry", "summary", "--device", "nope")
        #expect(device.status == 1 && device.stderr.contains("device 'nope'"), "\(device.stderr)")
        let participant = try await cli.run("telemetry", "summary", "--participant", "R99")
        #expect(participant.status == 1 && participant.stderr.contains("participant 'R99'"), "\(participant.stderr)")
    }

    @Test func aValueTheCommandCannotTakeIsAUsageError() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        // One coder has no agreement with anyone: a table of "n/a" rows and status 0 before.
        let agreement = try await cli.run("agreement", "--coders", "Maja Lind")
        #expect(agreement.status == 64 && agreement.stderr.contains("--coders needs at least two names"), "\(agreement.stderr)")
        // A language there are no words for: "error: …" and status 1 before (other bad values: "Error:", 64).
        for command in [["report", "--lang", "de"], ["handout", "--theme", "need.safety.night", "--lang", "de"]] {
            let result = try await cli.run(command)
            #expect(result.status == 64, "\(command)")
            #expect(result.stderr.hasPrefix("Error: --lang: ") && result.stderr.contains("sv or en, not 'de'"), "\(command): \(result.stderr)")
        }
    }

    /// Every export says how consent was applied, also when nothing was withheld (segments, needs,
    /// register and participants said nothing then, though the README promises the line), and
    /// says it after the line naming the file it wrote.
    @Test func everyExportSaysHowConsentWasApplied() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        for export in ["segments", "needs", "register", "participants"] {
            let result = try await cli.run("export", export, "--out", "exports/\(export).csv")
            #expect(result.status == 0, "\(export): \(result.stderr)")
            #expect(result.stdout.contains("consent applied ") && result.stdout.contains(": nothing withheld"), "\(export): \(result.stdout)")
        }
        // In one order everywhere: the file line, then the consent line (segments, needs,
        // register and participants said consent first; telemetry and matrix last).
        for export in [["segments"], ["needs"], ["register"], ["participants"], ["telemetry"], ["matrix", "--rows", "participant"]] {
            let result = try await cli.run(["export"] + export + ["--out", "exports/order-\(export[0]).csv"])
            let lines = result.stdout.split(separator: "\n")
            #expect(result.status == 0 && lines.count >= 2, "\(export): \(result.stderr)")
            #expect(lines.first?.hasPrefix("wrote ") == true && lines.dropFirst().first?.hasPrefix("consent applied ") == true,
                    "\(export): \(result.stdout)")
        }
    }

    /// `check` refuses a document id another file uses, as ingest then does (it said "ok").
    @Test func checkFindsADocumentIdUsedTwice() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let original = try String(contentsOf: root.appending(path: "corpus/interviews/int-001.md"), encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appending(path: "corpus/probe"), withIntermediateDirectories: true)
        try original.write(to: root.appending(path: "corpus/probe/b.md"), atomically: true, encoding: .utf8)
        let checked = try await cli.run("check", "corpus/probe/b.md", "corpus/interviews/int-001.md")
        let output = checked.stdout + checked.stderr
        #expect(checked.status == 1, "\(output)")
        #expect(output.contains("corpus/probe/b.md:2: duplicate id 'int-001': already used by corpus/interviews/int-001.md"), "\(output)")
        #expect(output.contains("corpus/interviews/int-001.md: document int-001"), "\(output)")
        // Ingest says the same of the same file.
        let ingest = try await cli.run("ingest")
        #expect(ingest.stdout.contains("corpus/probe/b.md:2: duplicate id 'int-001'") || ingest.stderr.contains("corpus/probe/b.md:2: duplicate id 'int-001'"))
    }

    /// `check` knows the ids ingest keeps for ingested documents: a new file sorting before the
    /// owner's file said "ok" (the path order alone was compared), then ingest refused it.
    @Test func checkComparesIdsWithTheIngestedDocuments() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let original = try String(contentsOf: root.appending(path: "corpus/interviews/int-001.md"), encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appending(path: "corpus/aaa"), withIntermediateDirectories: true)
        try original.write(to: root.appending(path: "corpus/aaa/copy.md"), atomically: true, encoding: .utf8)
        let refusal = "corpus/aaa/copy.md:2: duplicate id 'int-001': already used by corpus/interviews/int-001.md"
        let checked = try await cli.run("check", "corpus/aaa/copy.md")
        #expect(checked.status == 1 && checked.stderr.contains(refusal), "\(checked.stdout)\(checked.stderr)")
        // The owner itself stays ok, though the copy sorts before it.
        let owner = try await cli.run("check", "corpus/interviews/int-001.md")
        #expect(owner.status == 0 && owner.stdout.contains("ok corpus/interviews/int-001.md"), "\(owner.stdout)\(owner.stderr)")
        // Ingest refuses the copy in the same words.
        let ingest = try await cli.run("ingest")
        #expect((ingest.stdout + ingest.stderr).contains(refusal), "\(ingest.stdout)\(ingest.stderr)")
    }

    /// `init` on a study says it exists and adds no second, empty codebook beside its own.
    @Test func initOnAWorkspaceReplacesNothing() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let before = try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "codebooks").path).sorted()
        let again = try await cli.run("init", root.path)
        #expect(again.status == 0)
        #expect(again.stdout.contains("exists already; nothing in it was replaced") && !again.stdout.contains("Created"), "\(again.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "codebooks").path).sorted() == before)
        // A new folder is still created as before.
        let fresh = root.appending(path: "new-study")
        let created = try await cli.run("init", fresh.path)
        #expect(created.stdout.hasPrefix("Created workspace"))
        #expect(FileManager.default.fileExists(atPath: fresh.appending(path: "codebooks/codebook.yaml").path))
    }
}
