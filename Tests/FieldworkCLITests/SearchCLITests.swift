import Foundation
import Testing

/// `fieldwork search`: the help text says what the search really does with å, ä and ö.
@Suite struct SearchCLITests {
    @Test func helpTextMatchesHowDiacriticsAreSearched() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try """
            ---
            id: note-far
            type: note
            title: Far och får
            date: 2025-06-04
            language: sv
            participants: []
            administrations: []
            ---
            Min far bor nära.

            Jag får hjälp varje dag.
            """.write(to: cli.workspace.appending(path: "corpus/notes/far.md"), atomically: true, encoding: .utf8)
        #expect(try await cli.run("ingest").status == 0)
        func snippets(_ query: String) async throws -> [String] {
            let hits = try #require(try await cli.json("search", query) as? [[String: Any]])
            return hits.filter { $0["document"] as? String == "note-far" }.compactMap { $0["snippet"] as? String }
        }
        // Typed without the ring, `far` finds both words; typed with it, `får` finds only `får`.
        #expect(try await snippets("far").count == 2)
        #expect(try await snippets("får").count == 1)
        #expect(try await snippets("får").allSatisfy { $0.contains("[får]") })

        // --offset pages as the API does: the second hit alone, and a hint at the next page.
        let both = try #require(try await cli.json("search", "far", "--limit", "2") as? [[String: Any]])
        let page = try #require(try await cli.json("search", "far", "--limit", "1", "--offset", "1") as? [[String: Any]])
        #expect(both.count == 2 && page.count == 1)
        #expect(page.first?["snippet"] as? String == both.last?["snippet"] as? String)
        #expect(try await cli.run("search", "far", "--limit", "1").stderr.contains("more results: --offset 1"))
        for bad in ["-1", "10001", "x"] {
            let refused = try await cli.run("search", "far", "--offset", bad)
            #expect(refused.status != 0 && refused.stderr.contains("--offset"), "--offset \(bad)")
        }

        let help = try await cli.run("search", "--help")
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("far finds får"))
        #expect(text.contains("får does not find far"))
        #expect(!text.contains("far does not find får"))
    }

    /// `search '-hemtjänst'` printed the help (ArgumentParser read the word as options, `-h` among
    /// them); the word is searched for, before or after `--`, and stderr says the dash excludes nothing.
    @Test func aDashLedWordIsAQueryWord() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let plain = try await cli.run("search", "hemtjänst", "--json")
        #expect(plain.status == 0 && plain.stdout.contains("pl-001"), "\(plain.stderr)")
        for command in [["search", "-hemtjänst", "--json"], ["search", "--json", "--", "-hemtjänst"],
                        ["--workspace", root.path, "search", "--limit", "50", "-hemtjänst", "--json"]] {
            let dashed = try await cli.run(command)
            #expect(dashed.status == 0 && dashed.stdout == plain.stdout, "\(command): \(dashed.stdout.prefix(300))")
            #expect(dashed.stderr.contains("note: a leading '-' excludes nothing; '-hemtjänst' searches for hemtjänst"),
                    "\(command): \(dashed.stderr)")
        }
        // An option's value is still its value.
        let refused = try await cli.run("search", "hemtjänst", "--offset", "-1")
        #expect(refused.status != 0 && refused.stderr.contains("--offset"), "\(refused.stderr)")
    }

    /// No hit prints no table with a header alone (a new user took it for a broken command), and
    /// says so on standard error; `--json` stays an empty list.
    @Test func noHitSaysSo() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let none = try await cli.run("search", "xyzzyplugh")
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr.contains("no passage matches 'xyzzyplugh'"), "\(none.stdout)\(none.stderr)")
        let json = try await cli.run("search", "xyzzyplugh", "--json")
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.isEmpty == true, "\(json.stdout)")
    }

    /// More different words than the ranking takes is one line naming the limit (it was SQLite
    /// error 1 from fieldwork_bm25; found by a new user); a repeated word counts once.
    @Test func tooManyDifferentWordsAreRefusedInOneLine() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(telemetry: false))
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        #expect(try await cli.run("ingest").status == 0)
        let refused = try await cli.run(["search"] + (1...127).map { "ord\($0)" })
        #expect(refused.status == 1)
        #expect(refused.stderr == "Error: the search has 127 different words or phrases; at most 100 are searched at once\n", "\(refused.stderr)")
        let repeated = try await cli.run(["search"] + Array(repeating: "rädd", count: 150))
        #expect(repeated.status == 0 && !repeated.stdout.isEmpty, "\(repeated.stderr)")
    }
}
