import Foundation
import Glibc
import Testing

/// `fieldwork erase`: the participant's words leave the store (file, write-ahead log, full-text
/// index), the codings files and the corpus; codings on them are removed and listed; nothing
/// comes back with a later ingest.
@Suite(.serialized) struct ErasureCLITests {
    /// `store`: a PostgreSQL URL for the workspace's study (its `fieldwork.yaml`), else its SQLite file.
    static func codedWorkspace(store: String? = nil) async throws -> CLIRunner {
        let cli = try await PrivacyWorkspace.make()
        if let store {
            let settings = cli.workspace.appending(path: "fieldwork.yaml")
            let text = (try? String(contentsOf: settings, encoding: .utf8)) ?? ""
            try (text + (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + "store: \(store)\n")
                .write(to: settings, atomically: true, encoding: .utf8)
            let ingest = try await cli.run("ingest")
            #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        }
        try await PrivacyWorkspace.code(cli, document: "int-007", containing: "zebrafink", coder: "Anna")
        try await PrivacyWorkspace.code(cli, document: "int-008", containing: "papegojfisk", coder: "Anna")
        try await PrivacyWorkspace.code(cli, document: "int-008", containing: "grannlarmet", coder: "Anna")
        try await PrivacyWorkspace.code(cli, document: "ws-701", containing: "kanelsnäcka", coder: "Bo")
        try await PrivacyWorkspace.code(cli, document: "ws-701", containing: "grannen", coder: "Bo")
        // R07 has a door sensor with readings.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appending(path: "codebooks/solutions.yaml"),
                                         to: cli.workspace.appending(path: "codebooks/solutions.yaml"))
        try PrivacyWorkspace.write(cli.workspace, "corpus/devices.yaml", """
            devices:
              - id: r07-door
                hardware: urn:dev:mac:0024befffe80abcd
                solution: door-sensor
                participant: R07
              - id: r08-door
                solution: door-sensor
                participant: R08
            """)
        try PrivacyWorkspace.write(cli.workspace, "in/door.csv", """
            device,time,metric,value,unit
            urn:dev:mac:0024befffe80abcd,2025-08-01T22:00:00Z,open,true,
            r07-door,2025-08-02T22:00:00Z,open,false,
            """)
        let imported = try await cli.run("telemetry", "import", cli.workspace.appending(path: "in/door.csv").path)
        #expect(imported.stdout.contains("2 stored"), "\(imported.stdout)\(imported.stderr)")
        return cli
    }

    /// The bytes of a file, lowercased ASCII, for searching words (also as the index folds them).
    static func bytes(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self).lowercased()
    }

    /// Whether the file's bytes hold the word (a Bool, so a failure does not print the file).
    static func holds(_ url: URL, _ word: String) -> Bool {
        bytes(url).contains(word)
    }

    @Test func eraseRemovesEveryTraceOfTheWordsAndReportsCodingsAndEarlierExports() async throws {
        let cli = try await Self.codedWorkspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try await cli.run("export", "segments", environment: ["FIELDWORK_CODER": "Maja"]).status == 0)
        #expect(try await cli.run("search", "zebrafink").stdout.contains("int-007"))
        // A researcher's note that lists R07 but holds no words of theirs (CRLF line endings).
        let note = "---\r\nid: note-701\r\ntype: note\r\ntitle: Besök\r\nparticipants: [R07]\r\n---\r\n# Besök\r\n\r\nForskarens egen anteckning om besöket.\r\n"
        try Data(note.utf8).write(to: root.appending(path: "corpus/note-701.md"))
        #expect(try await cli.run("ingest").status == 0)

        let result = try await cli.run("erase", "R07", "--yes", environment: ["FIELDWORK_CODER": "Maja"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("remove corpus/int-007.md"))
        #expect(out.contains("redact corpus/int-008.md (1 passage)"))
        // Their note, and the note of the group whose roster lists them: the group's words are theirs too.
        #expect(out.contains("redact corpus/ws-701.md (2 passages)"))
        #expect(out.contains("redact corpus/note-701.md (0 passages)"))
        // Codings on the erased words: removed explicitly and listed (3: int-007, int-008, ws-701).
        #expect(out.contains("3 codings on their words removed:"))
        #expect(out.components(separatedBy: "(need.safety, by ").count - 1 == 3)
        // Exports made before, to be recalled.
        #expect(out.contains("Exports made before this erasure may hold their words; recall them:"))
        #expect(out.contains("Maja  segments  exports/segments.csv"))
        #expect(!out.lowercased().contains("zebrafink"))

        // No trace in the database file, its write-ahead log or the full-text index.
        let state = root.appending(path: ".fieldwork")
        for file in ["fieldwork.sqlite", "fieldwork.sqlite-wal"] {
            let text = Self.bytes(state.appending(path: file))
            for word in PrivacyWorkspace.r07Words + ["kanelsnacka", "olle"] {
                let found = text.contains(word)
                #expect(!found, "\(word) in \(file)")
            }
        }
        #expect(try await cli.run("search", "zebrafink").stdout.contains("int-007") == false)
        #expect(try await cli.run("search", "papegojfisk").stdout.contains("int-008") == false)
        // Nor in the codings files, the corpus or the registers.
        let codings = (try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "codings").path))
            .map { Self.bytes(root.appending(path: "codings/\($0)")) }.joined()
        for word in PrivacyWorkspace.r07Words { #expect(!codings.contains(word), "\(word) in codings/") }
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-007.md").path))
        let int008 = PrivacyWorkspace.read(root, "corpus/int-008.md")
        #expect(!int008.contains("papegojfisk") && int008.contains("grannlarmet") && int008.contains("participants: [R08]"))
        let workshop = PrivacyWorkspace.read(root, "corpus/ws-701.md")
        #expect(!workshop.contains("kanelsnäcka") && workshop.contains("Deltagare: R08.") && workshop.contains("(R08)"))
        #expect(!workshop.contains("Gemensam lapp"))
        #expect(!PrivacyWorkspace.read(root, "corpus/participants.yaml").contains("R07"))
        #expect(PrivacyWorkspace.read(root, "corpus/note-701.md").contains("participants: []\n"))
        #expect(PrivacyWorkspace.read(root, "corpus/note-701.md").contains("Forskarens egen anteckning om besöket."))
        // Their devices and telemetry are gone; R08's device stays.
        #expect(out.contains("telemetry: 1 device and their readings removed (r07-door)"))
        let devices = PrivacyWorkspace.read(root, "corpus/devices.yaml")
        #expect(!devices.contains("r07-door") && !devices.contains("0024befffe80abcd") && devices.contains("r08-door"))
        #expect(!Self.holds(root.appending(path: ".fieldwork/fieldwork.sqlite"), "r07-door"))
        let summary = try await cli.run("telemetry", "summary", "--json")
        #expect(summary.status == 0 && !summary.stdout.contains("r07-door"))
        #expect(PrivacyWorkspace.read(root, "corpus/erased.yaml").contains("- R07"))

        // The others' codings stay, with context cut from the new text.
        let left = try await cli.json("code", "list") as? [[String: Any]] ?? []
        #expect(left.count == 2)
        for coding in left {
            for key in ["quote", "prefix", "suffix", "memo"] {
                #expect(!((coding[key] as? String) ?? "").contains("papegojfisk"))
            }
        }
        let audit = try await cli.json("audit") as? [[String: Any]] ?? []
        #expect(audit.contains { ($0["action"] as? String) == "erasure" && ($0["by"] as? String) == "Maja" })
        #expect(try await cli.run("audit", "--verify").status == 0)
    }

    @Test func noLaterIngestBringsTheWordsBack() async throws {
        let cli = try await Self.codedWorkspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        let original = PrivacyWorkspace.read(root, "corpus/int-007.md")
        let participants = PrivacyWorkspace.read(root, "corpus/participants.yaml")
        #expect(try await cli.run("erase", "R07", "--yes").status == 0)

        // The file restored from a backup, and the register entry with it.
        try Data(original.utf8).write(to: root.appending(path: "corpus/int-007.md"))
        try Data(participants.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 1)
        let output = ingest.stdout + ingest.stderr
        #expect(output.contains("corpus/participants.yaml:2: R07 was erased (corpus/erased.yaml)"))
        #expect(output.contains("corpus/int-007.md:"))
        #expect(try await cli.run("search", "zebrafink").stdout.contains("int-007") == false)
        #expect(!Self.holds(root.appending(path: ".fieldwork/fieldwork.sqlite"), "zebrafink"))
        // A restored file with only the turn (no front matter mention) is refused too.
        try Data(original.replacingOccurrences(of: "participants: [R07]", with: "participants: []").utf8)
            .write(to: root.appending(path: "corpus/int-007.md"))
        let again = try await cli.run("ingest")
        #expect((again.stdout + again.stderr).contains("corpus/int-007.md:11: R07 was erased"))
        // Nor does a transcript import that maps a speaker to them.
        try PrivacyWorkspace.write(root, "in/igen.txt", "Anna Svensson: Jag ser en zebrafink igen.\nIntervjuare: Jaså.")
        let imported = try await cli.run(["import", "transcript", root.appending(path: "in/igen.txt").path, "--id", "int-077",
                                    "--speaker", "Anna Svensson=R07"])
        #expect(imported.status == 1)
        #expect(imported.stdout.contains("problem: R07 was erased (corpus/erased.yaml); their words are not imported"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-077.md").path))
    }

    @Test func withoutYesTheFilesAreListedAndNothingChangesUnlessConfirmed() async throws {
        let cli = try await Self.codedWorkspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        let stopped = try await cli.run(["erase", "R07"], input: "no\n")
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("remove corpus/int-007.md"))
        #expect(stopped.stdout.contains("Stopped: nothing was changed."))
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-007.md").path))
        #expect(try await cli.run("search", "zebrafink").stdout.contains("int-007"))

        let confirmed = try await cli.run(["erase", "R07"], input: "R07\n")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
        #expect(try await cli.run("erase", "R07", "--yes").stderr.contains("R07 is already erased"))
        #expect(try await cli.run("erase", "R99", "--yes").stderr.contains("R99 is not a participant"))
    }

    /// The other way round: while an erasure holds the workspace (its lock, taken here as
    /// `fieldwork erase` takes it), a server does not start, and says why.
    @Test func aServerDoesNotStartWhileAnErasureRuns() async throws {
        let cli = try await PrivacyWorkspace.make()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let descriptor = open(cli.workspace.appending(path: ".fieldwork/server.lock").path, O_RDWR | O_CREAT, 0o600)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        defer { close(descriptor) }
        let serve = try await cli.run("serve", "--port", "0")
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("is being erased (`fieldwork erase` is running); start the server when it has finished"),
                "\(serve.stderr)")
        #expect(!serve.stdout.contains("Open: http"))
    }

    /// Copies made before the erasure hold the words: a QDPX project exported then, or a backup,
    /// is refused whole (nothing changes), and a corpus file restored without its register entry
    /// is refused as erased, not as naming someone unknown.
    @Test func noImportOrRestoreOfAnEarlierCopyBringsTheWordsBack() async throws {
        let cli = try await Self.codedWorkspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try await cli.run("export", "qdpx", "--out", "exports/before.qdpx").status == 0)
        #expect(try await cli.run("backup", "--out", "exports/before.sqlite").status == 0)
        let original = PrivacyWorkspace.read(root, "corpus/int-007.md")
        #expect(try await cli.run("erase", "R07", "--yes").status == 0)
        let register = PrivacyWorkspace.read(root, "corpus/participants.yaml")
        let status = try await cli.run("status", "--json").stdout

        let imported = try await cli.run("import", "qdpx", root.appending(path: "exports/before.qdpx").path)
        #expect(imported.status != 0)
        #expect(imported.stderr.contains("before.qdpx: ") && imported.stderr.contains("the words of R07, who was erased (corpus/erased.yaml); nothing was imported"),
                "\(imported.stdout)\(imported.stderr)")
        #expect(!imported.stderr.contains("zebrafink"))
        let restored = try await cli.run("restore", "exports/before.sqlite", "--yes")
        #expect(restored.status != 0)
        #expect(restored.stderr.contains("holds R07, erased since it was made (corpus/erased.yaml)"), "\(restored.stderr)")
        // Nothing changed: register, corpus, database.
        #expect(PrivacyWorkspace.read(root, "corpus/participants.yaml") == register)
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-007.md").path))
        #expect(try await cli.run("status", "--json").stdout == status)
        #expect(!Self.holds(root.appending(path: ".fieldwork/fieldwork.sqlite"), "zebrafink"))

        // The interview file put back on its own: refused as erased.
        try Data(original.utf8).write(to: root.appending(path: "corpus/int-007.md"))
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 1)
        #expect((ingest.stdout + ingest.stderr).contains("corpus/int-007.md:2: R07 was erased (corpus/erased.yaml)"), "\(ingest.stdout)\(ingest.stderr)")
        #expect(!(ingest.stdout + ingest.stderr).contains("unknown participant"))
    }

    /// A coding of their words orphaned by an earlier edit keeps the old quote: it goes too.
    @Test func anOrphanHoldingAnEarlierVersionOfTheirWordsGoesToo() async throws {
        let cli = try await Self.codedWorkspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appending(path: "corpus/int-008.md")
        let edited = PrivacyWorkspace.read(root, "corpus/int-008.md")
            .replacingOccurrences(of: "Min papegojfisk heter Olle och han är lugn.", with: "Jag vill inte säga mer om det här i dag.")
        try Data(edited.utf8).write(to: path)
        #expect(try await cli.run("ingest").status == 0)
        let orphans = try await cli.json("code", "list", "--orphaned") as? [[String: Any]] ?? []
        #expect(orphans.contains { ($0["quote"] as? String ?? "").contains("papegojfisk") })

        let result = try await cli.run("erase", "R07", "--yes")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("Review:"))
        await #expect((try cli.json("code", "list", "--orphaned") as? [[String: Any]] ?? []).isEmpty)
        #expect(!Self.holds(root.appending(path: ".fieldwork/fieldwork.sqlite"), "papegojfisk"))
        let codings = (try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "codings").path))
            .map { PrivacyWorkspace.read(root, "codings/\($0)") }.joined()
        #expect(!codings.contains("papegojfisk"))
    }

    /// A running server holds codings in memory and writes them back to the codings files: the
    /// erasure refuses while one serves the workspace (naming it), changes nothing, and runs once
    /// it has stopped. A crashed server's lock ends with it, so it never blocks an erasure.
    @Test func eraseRefusesWhileAServerRunsOnTheWorkspace() async throws {
        let cli = try await Self.codedWorkspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        let before = ["corpus/participants.yaml", "corpus/int-008.md", "codings/anna.jsonl"].map { PrivacyWorkspace.read(root, $0) }
        let server = try await RunningServer.start(workspace: root)
        let refused = try await cli.run("erase", "R07", "--yes")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Error: a fieldwork server is running on this workspace (pid \(server.process.processIdentifier), "
                                        + "http://127.0.0.1:\(server.port)/); stop it (Ctrl-C) and run `fieldwork erase` again"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("Erased"))
        #expect(["corpus/participants.yaml", "corpus/int-008.md", "codings/anna.jsonl"].map { PrivacyWorkspace.read(root, $0) } == before)
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-007.md").path))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "corpus/erased.yaml").path))

        // Killed without a chance to clean up: its lock is gone with it.
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        let erased = try await cli.run("erase", "R07", "--yes")
        #expect(erased.status == 0, "\(erased.stderr)")
        // A server started afterwards serves the erased workspace and holds nothing of R07.
        let again = try await RunningServer.start(workspace: root)
        defer { again.stop() }
        #expect(!again.banner.contains("error"))
        #expect(!Self.holds(root.appending(path: ".fieldwork/fieldwork.sqlite"), "zebrafink"))
    }
}
