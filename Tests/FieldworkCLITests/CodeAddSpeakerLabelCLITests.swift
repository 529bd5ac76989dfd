import Foundation
import Testing

/// `code add` refuses a span holding only a turn's speaker label (`Intervjuare:`, `R01:`): it
/// holds no spoken word. The rule lives in `CodingService`, which `POST /api/codings` calls too.
@Suite struct CodeAddSpeakerLabelCLITests {
    @Test func aSpanOfOnlyTheSpeakerLabelIsRefusedAndTheTurnsWordsAreNot() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let segments = try #require(try await cli.json("segments", "int-001") as? [[String: Any]])
        // The second turn is R01's (`**R01:** Ja, jag vaknar …`): its segment starts after "R01: ".
        let turn = try #require(segments.first { $0["speaker"] as? String == "R01" })
        let start = try #require(turn["start"] as? Int)
        func add(_ from: Int, _ to: Int) async throws -> CLIRunner.Result {
            try await cli.run("code", "add", "int-001", "--start", "\(from)", "--end", "\(to)", "--code", "need.safety", "--coder", "Bo")
        }
        for (from, to) in [(start - 5, start - 1), (start - 5, start), (start - 7, start), (start - 4, start - 2)] {
            let refused = try await add(from, to)
            #expect(refused.status != 0, "[\(from), \(to)) was coded")
            #expect(refused.stderr.contains("holds only the speaker label 'R01:', no spoken words"), "\(refused.stderr)")
        }
        // The interviewer's label at the very start of the text.
        let interviewer = try await add(0, 12)
        #expect(interviewer.status != 0 && interviewer.stderr.contains("the speaker label 'Intervjuare:'"), "\(interviewer.stderr)")
        let codings = try #require(try await cli.json("code", "list") as? [[String: Any]])
        #expect(codings.isEmpty)
        // The label with the first spoken word, and the words alone, are codings.
        #expect(try await add(start - 5, start + 2).status == 0)
        #expect(try await add(start, start + 2).status == 0)
    }
}
