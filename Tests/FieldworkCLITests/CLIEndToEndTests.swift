import FieldworkTestSupport
import Foundation
import Testing

/// The real binary on a copy of the repository's sample workspace.
@Suite(.serialized) struct CLIEndToEndTests {
    @Test func sampleWorkspaceIngestsCleanlyAndListsEverything() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("failed 0"))
        let status = try #require(try await cli.json("status") as? [String: Int])
        #expect(ingest.stdout.contains("; \(status["segments"] ?? -1) segments stored (from the documents added or updated);"), "\(ingest.stdout)")
        #expect(status["documents"]! >= 10 && status["participants"]! >= 8 && status["codes"]! >= 30)
        #expect(status["codings"] == 0)
        let documents = try #require(try await cli.json("documents") as? [[String: Any]])
        #expect(Set(documents.first!.keys) == ["id", "type", "title", "date", "language", "participants", "administrations", "segments"])
        #expect(documents.filter { $0["type"] as? String == "interview" }.count >= 6)
        #expect(Set(documents.compactMap { $0["language"] as? String }) == ["sv", "en"])
        // An unchanged corpus: "segments 0" read as if the corpus had none (found by a new user).
        let unchanged = try await cli.run("ingest")
        #expect(unchanged.stdout.contains("failed 0; no segments stored (nothing added or updated); codings"), "\(unchanged.stdout)")
        #expect(!unchanged.stdout.contains("segments 0"))
        let again = try await cli.run("ingest", "--json")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 0 && summary["unchanged"] as? Int == documents.count)

        // A same-size edit with the old modification time put back is not read until --rehash
        // (README, "Ingest"); the copy is fresh, so the time is set well in the past first.
        let file = cli.workspace.appending(path: "corpus/interviews/int-001.md")
        let past = (Int64(Date().timeIntervalSince1970) - 7200) * 1_000_000_000 + 987_654_321
        try FileTimes.setModified(file, nanoseconds: past)
        #expect(try await cli.run("ingest").status == 0)
        let original = try String(contentsOf: file, encoding: .utf8)
        let edited = original.replacingOccurrences(of: "Det är vi som bor här.", with: "Det är vi som bor DÄR.")
        #expect(edited != original && edited.utf8.count == original.utf8.count)
        try edited.write(to: file, atomically: false, encoding: .utf8)
        try FileTimes.setModified(file, nanoseconds: past)
        let quick = try #require(try await JSONSerialization.jsonObject(with: Data(try cli.run("ingest", "--json").stdout.utf8)) as? [String: Any])
        #expect(quick["updated"] as? Int == 0)
        let forced = try #require(try await JSONSerialization.jsonObject(with: Data(try cli.run("ingest", "--rehash", "--json").stdout.utf8)) as? [String: Any])
        #expect(forced["updated"] as? Int == 1 && forced["unchanged"] as? Int == documents.count - 1)
        #expect(try await cli.run("ingest", "--help").stdout.contains("--rehash"))
    }

    @Test func segmentsTextIsExactlyThePlainTextSliceAndCodingRoundTrips() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try await cli.run("ingest")
        let documents = try #require(try await cli.json("documents") as? [[String: Any]])
        let interview = try #require(documents.first { $0["type"] as? String == "interview" }?["id"] as? String)
        let segments = try #require(try await cli.json("segments", interview) as? [[String: Any]])
        #expect(Set(segments[0].keys) == ["id", "document", "index", "kind", "speaker", "heading", "start", "end",
                                          "line_start", "line_end", "time_start", "time_end", "text", "withheld"])
        let turn = try #require(segments.first { $0["kind"] as? String == "turn" && ($0["text"] as? String ?? "").unicodeScalars.count > 20 })
        let start = turn["start"] as! Int
        let text = turn["text"] as! String
        #expect((turn["end"] as! Int) - start == text.unicodeScalars.count)
        let quote = String(String.UnicodeScalarView(text.unicodeScalars.prefix(12)))
        let add = try await cli.run("code", "add", interview, "--start", "\(start)", "--end", "\(start + 12)",
                              "--code", "need.safety", "--coder", "Anna", "--memo", "första")
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let codings = try #require(try await cli.json("code", "list", "--code", "need") as? [[String: Any]])
        #expect(codings.count == 1)
        #expect(codings[0]["id"] as? String == id && codings[0]["quote"] as? String == quote)
        #expect(codings[0]["status"] as? String == "anchored" && codings[0]["coder"] as? String == "Anna")
        // The documented fields, and the API's coding shape around them (one shape for both faces).
        #expect(Set(codings[0].keys) == ["id", "document", "start", "end", "code", "coder", "memo", "quote", "status",
                                         "prefix", "suffix", "anchor_method", "version", "created_at", "updated_at", "updated_by", "withheld"])
        let export = try await cli.run("export", "segments", "--out", "exports/out.csv")
        #expect(export.status == 0)
        let csv = try String(contentsOf: cli.workspace.appending(path: "exports/out.csv"), encoding: .utf8)
        #expect(csv.contains(quote) && csv.hasPrefix("coding_id,document,"))
        #expect(try await cli.run("code", "remove", id, "--coder", "Anna").status == 0)
        await #expect((try cli.json("code", "list") as? [Any])?.isEmpty == true)
    }

    @Test func badInputFailsWithFileAndLineAndNonZeroExit() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try "---\nid: broken\ntype: interview\ntitle: T\nparticipants: [NOBODY]\n---\nText.\n"
            .write(to: cli.workspace.appending(path: "corpus/broken.md"), atomically: true, encoding: .utf8)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("corpus/broken.md:5: unknown participant 'NOBODY'"))
        #expect(ingest.stdout.contains("failed 1"))
        let badCode = try await cli.run("code", "add", "int-001", "--start", "13", "--end", "18", "--code", "no.such.code")
        #expect(badCode.status != 0 && badCode.stderr.contains("no code 'no.such.code' in the codebook"))
        let badSpan = try await cli.run("code", "add", "int-001", "--start", "5", "--end", "2", "--code", "need")
        #expect(badSpan.status != 0 && badSpan.stderr.contains("--end must be greater"))
    }

    @Test func codeAddRefusesAnExactDuplicate() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try await cli.run("ingest")
        let arguments = ["code", "add", "int-001", "--start", "20", "--end", "40", "--code", "need", "--coder", "Anna"]
        let first = try await cli.run(arguments)
        #expect(first.status == 0)
        let again = try await cli.run(arguments)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already coded with this code by this coder (\(first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))"))
        let listed = try #require(try await cli.json("code", "list") as? [Any])
        #expect(listed.count == 1)
    }

    @Test func codebookCheckAndShowAndSearch() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        #expect(try await cli.run("codebook", "check").status == 0)
        try await cli.run("ingest")
        let tree = try #require(try await cli.json("codebook", "show") as? [[String: Any]])
        #expect(tree.contains { $0["id"] as? String == "need" && !($0["children"] as? [Any] ?? []).isEmpty })
        // A code's workshop questions, in the code's own (first written) language as its texts.
        func code(_ id: String, in codes: [[String: Any]]) -> [String: Any]? {
            codes.lazy.compactMap { $0["id"] as? String == id ? $0 : code(id, in: $0["children"] as? [[String: Any]] ?? []) }.first
        }
        #expect((code("need.safety.night", in: tree)?["questions"] as? [String])?.first == "Vad gör natten otrygg för dig?")
        #expect((code("need", in: tree)?["questions"] as? [String]) == [])
        let hits = try #require(try await cli.json("search", "trygg*") as? [[String: Any]])
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("[") == true })
        try "codes:\n  - id: need\n    name: Dup\n    kind: need\n"
            .write(to: cli.workspace.appending(path: "codebooks/zz-dup.yaml"), atomically: true, encoding: .utf8)
        let check = try await cli.run("codebook", "check")
        #expect(check.status != 0)
        #expect(check.stderr.contains("codebooks/zz-dup.yaml:2: duplicate code id 'need'"))
    }

    @Test func initCreatesAnEmptyWorkspace() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-init-\(UUID().uuidString)")
        let cli = CLIRunner(workspace: folder)
        let result = try await cli.run(["init", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["corpus", "codebooks", "exports", ".fieldwork/fieldwork.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: folder.appending(path: path).path))
        }
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await cli.run("status").status == 0)
    }
}
