import Foundation
import Testing

/// `fieldwork code history ID` through the real binary: changes made here, a colleague's change
/// arriving in their codings file, and a removal, each with who, when and what.
@Suite struct CodeHistoryCLITests {
    @Test func historyListsEveryChangeIncludingOneTakenFromAColleaguesFile() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try await cli.run("ingest")
        let add = try await cli.run("code", "add", "int-001", "--start", "20", "--end", "40", "--code", "need", "--coder", "Anna")
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await cli.run("code", "reattach", id, "--start", "22", "--end", "44", "--coder", "Anna").status == 0)
        // The same span again: nothing to record (it raised the version and wrote an empty "changed").
        let again = try await cli.run("code", "reattach", id, "--start", "22", "--end", "44", "--coder", "Anna")
        #expect(again.status == 0 && again.stdout.contains("already codes [22, 44)") && again.stdout.contains("nothing changed"),
                "\(again.stdout)")

        // Bo changes the memo on his machine: his file holds the next version of Anna's coding.
        let annas = try String(contentsOf: cli.workspace.appending(path: "codings/anna.jsonl"), encoding: .utf8)
        var record = try #require(try JSONSerialization.jsonObject(with: Data(annas.utf8)) as? [String: Any])
        record["changed_by"] = "Bo"
        record["memo"] = "kvällarna"
        record["version"] = (record["version"] as! Int) + 1
        record["updated"] = "2030-01-01T12:00:00.000Z"
        let line = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
        try (String(decoding: line, as: UTF8.self) + "\n").write(to: cli.workspace.appending(path: "codings/bo.jsonl"),
                                                                 atomically: true, encoding: .utf8)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try await cli.run("code", "remove", id, "--coder", "Anna").status == 0)
        // Removing it again says it was removed, and by whom ("not found: coding …" before).
        let twice = try await cli.run("code", "remove", id, "--coder", "Bo")
        #expect(twice.status == 1 && twice.stderr.contains("coding \(id) was removed already, by Anna on "), "\(twice.stderr)")

        let events = try #require(try await cli.json("code", "history", id) as? [[String: Any]])
        #expect(events.map { $0["kind"] as? String } == ["created", "reattached", "changed", "removed"])
        #expect(events.map { $0["by"] as? String } == ["Anna", "Anna", "Bo", "Anna"])
        #expect(Set(events[0].keys) == ["coding", "kind", "at", "by", "code", "old_code", "memo_changed", "start", "end",
                                        "old_start", "old_end", "method", "source", "version", "summary"])
        #expect(events[1]["old_start"] as? Int == 20 && events[1]["start"] as? Int == 22 && events[1]["end"] as? Int == 44)
        #expect(events[2]["source"] as? String == "codings/bo.jsonl" && events[2]["memo_changed"] as? Bool == true)
        #expect(events[2]["at"] as? String == "2030-01-01T12:00:00.000Z")

        let table = try await cli.run("code", "history", id)
        #expect(table.status == 0)
        #expect(table.stdout.contains("span [20, 40) → [22, 44)"))
        #expect(table.stdout.contains("memo changed, taken from codings/bo.jsonl, version \(record["version"] as! Int)"))

        let unknown = try await cli.run("code", "history", "c-000000000000")
        #expect(unknown.status != 0 && unknown.stderr.contains("Error: no coding 'c-000000000000'"))
    }
}
