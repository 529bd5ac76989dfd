import Foundation
import Testing

/// Coding ids are long (`c-19ad3c0e1f2-3f9a0c12d4e7`): `code reattach`, `code remove` and
/// `code history` also take the beginning of one, when it names exactly one coding in use (for
/// the history, removed codings count too).
@Suite struct CodingIDPrefixCLITests {
    @Test func aUniqueBeginningNamesACodingAndAnAmbiguousOneIsRefused() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try await cli.run("ingest")
        var ids: [String] = []
        for (start, end) in [(20, 40), (60, 90)] {
            let add = try await cli.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(end)", "--code", "need", "--coder", "Anna")
            #expect(add.status == 0, "\(add.stderr)")
            ids.append(add.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // Every coding's id begins with "c-": that names many, and nothing changes.
        let ambiguous = try await cli.run("code", "remove", "c-", "--coder", "Anna")
        #expect(ambiguous.status != 0)
        #expect(ambiguous.stderr.contains("'c-' begins the ids of"), "\(ambiguous.stderr)")
        let unknown = try await cli.run("code", "remove", "c-zz", "--coder", "Anna")
        #expect(unknown.status != 0 && unknown.stderr.contains("no coding 'c-zz'"), "\(unknown.stderr)")

        // The time part and one random digit tell the two apart.
        let prefix = String(ids[1].prefix(15))
        #expect(!ids[0].hasPrefix(prefix))
        let reattached = try await cli.run("code", "reattach", prefix, "--start", "62", "--end", "92", "--coder", "Anna")
        #expect(reattached.status == 0 && reattached.stdout.hasPrefix(ids[1]), "\(reattached.stderr)")
        let removed = try await cli.run("code", "remove", prefix, "--coder", "Anna")
        #expect(removed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "removed \(ids[1])", "\(removed.stderr)")

        // A removed coding's history is found by the same beginning; the other coding is still there.
        let events = try #require(try await cli.json("code", "history", prefix) as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["created", "reattached", "removed"])
        #expect(events.allSatisfy { $0["coding"] as? String == ids[1] })
        // For removing, only codings in use count: the removed one is not found by it.
        let again = try await cli.run("code", "remove", prefix, "--coder", "Anna")
        #expect(again.status != 0 && again.stderr.contains("no coding '\(prefix)'"), "\(again.stderr)")
        // For the history, removed codings count too, so "c-" names both.
        let both = try await cli.run("code", "history", "c-")
        #expect(both.status != 0 && both.stderr.contains("'c-' begins the ids of"), "\(both.stderr)")
        let left = try #require(try await cli.json("code", "list", "--coder", "Anna") as? [[String: Any]])
        #expect(left.compactMap { $0["id"] as? String }.contains(ids[0]))
    }
}
