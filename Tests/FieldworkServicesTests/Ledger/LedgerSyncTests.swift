import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// Codings and memos as files (`codings/<person>.jsonl`): written on every change, read by
/// ingest, merged by version, re-anchored against the local text, never lost.
@Suite struct LedgerSyncTests {
    static let body = """
        **R14:** Jag ligger vaken på natten och lyssnar efter ljud i trapphuset.

        **R14:** Larmet skaver, så jag tar av det. Familjen 👩‍👩‍👧 ringer varje kväll.
        """

    private func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: Self.body))
        try await workspace.ingest()
        return workspace
    }

    private func ledger(_ workspace: TemporaryWorkspace, _ person: String) throws -> String {
        try String(contentsOf: workspace.root.appending(path: CodingLedger.relativePath(for: person)), encoding: .utf8)
    }

    /// What `git pull` does for a colleague's file.
    private func copyLedger(_ person: String, from source: TemporaryWorkspace, to target: TemporaryWorkspace) throws {
        let path = CodingLedger.relativePath(for: person)
        try target.write(path, bytes: try Data(contentsOf: source.root.appending(path: path)))
    }

    @Test func everyChangeIsWrittenToTheChangersFile() async throws {
        let workspace = try await workspace()
        let coding = try await workspace.code("int-014", quote: "ligger vaken", coder: "Maja L.")
        var file = try ledger(workspace, "Maja L.")
        #expect(file.split(separator: "\n").count == 1)
        #expect(file.contains("\"id\":\"\(coding.id)\"") && file.contains("\"quote\":\"ligger vaken\"") && file.contains("\"version\":1"))
        _ = try await workspace.context.codings.update(id: coding.id, memo: "=oro", expectedVersion: 1)
        file = try ledger(workspace, "Maja L.")
        #expect(file.contains("\"memo\":\"=oro\"") && file.contains("\"version\":2") && file.split(separator: "\n").count == 1)
        let memo = try await workspace.context.memos.add(target: .document, targetID: "int-014", author: "Bo", text: "Läs igen")
        #expect(try ledger(workspace, "Bo").contains("\"id\":\"\(memo.id)\""))
        try await workspace.context.codings.remove(id: coding.id, by: "Bo")
        // The removal is Bo's change: it goes in Bo's file; Maja's file keeps her last version.
        #expect(try ledger(workspace, "Bo").contains("\"removed\":{\"at\":"))
        #expect(try ledger(workspace, "Maja L.").contains("\"removed\"") == false)
    }

    /// A server writes the files just after the changes, several in one rewrite.
    @Test func aServerWritesTheFilesShortlyAfterTheChanges() async throws {
        let workspace = try await workspace()
        let served = FieldworkContext(workspace: workspace.context.workspace, store: workspace.store, deferredLedger: true)
        let text = try await workspace.plainText("int-014")
        var ids: [String] = []
        for (index, quote) in ["ligger vaken", "Larmet skaver", "lyssnar efter"].enumerated() {
            let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
            ids.append(try await served.codings.add(document: "int-014", span: start..<(start + quote.unicodeScalars.count),
                                                    code: index == 0 ? "need" : "need.safety", coder: "Bo").id)
        }
        var file = ""
        for _ in 0..<50 where ids.contains(where: { !file.contains($0) }) {
            try await Task.sleep(for: .milliseconds(100))
            file = (try? ledger(workspace, "Bo")) ?? ""
        }
        #expect(ids.allSatisfy { file.contains("\"id\":\"\($0)\"") })
        #expect(file.split(separator: "\n").count == 3)
    }

    /// Waits (without a timed assertion) until the server's deferred write has reached the file.
    private func ledger(_ workspace: TemporaryWorkspace, _ person: String, containing marks: [String]) async throws -> String {
        var file = ""
        for _ in 0..<50 where marks.contains(where: { !file.contains($0) }) {
            try await Task.sleep(for: .milliseconds(100))
            file = (try? ledger(workspace, person)) ?? ""
        }
        return file
    }

    /// A server appends what changed (the file's earlier bytes stay as they were) and rewrites the
    /// file in canonical form when it stops: the same bytes the CLI would have written.
    @Test func aServerAppendsChangesAndCompactsWhenItStops() async throws {
        let workspace = try await workspace()
        let first = try await workspace.code("int-014", quote: "Larmet skaver", coder: "Bo")
        let second = try await workspace.code("int-014", quote: "ligger vaken", coder: "Bo")
        let canonical = try ledger(workspace, "Bo")
        #expect(canonical.split(separator: "\n").count == 2)

        let served = FieldworkContext(workspace: workspace.context.workspace, store: workspace.store, deferredLedger: true)
        _ = try await served.codings.update(id: second.id, memo: "nätterna", expectedVersion: 1)
        let text = try await workspace.plainText("int-014")
        let start = try #require(text.occurrences(of: Array("lyssnar efter".unicodeScalars)).first)
        let third = try await served.codings.add(document: "int-014", span: start..<(start + 13), code: "need", coder: "Bo")
        let appended = try await ledger(workspace, "Bo", containing: [third.id, "nätterna"])
        #expect(appended.hasPrefix(canonical))
        #expect(appended.split(separator: "\n").count == 4)  // two earlier lines, the new state of one, one new
        // Any reader takes the later state of a restated coding.
        let records = try LedgerFile.parse(appended, file: "codings/bo.jsonl")
        let latest = LedgerMerge.latest(records)
        #expect(latest.count == 3 && latest[second.id]?.version == 2)

        await served.ledger.finish(from: workspace.store)
        let compacted = try ledger(workspace, "Bo")
        #expect(compacted == LedgerFile.render(Array(latest.values)))
        #expect(compacted.split(separator: "\n").count == 3 && compacted.contains(first.id))
        // Nothing changes on a second finish, nor at the next ingest.
        await served.ledger.finish(from: workspace.store)
        try await workspace.ingest()
        #expect(try ledger(workspace, "Bo") == compacted)
    }

    /// A server's writes leave their records for the flush (no read back), removals are read
    /// back: whatever came first, the file ends with exactly what the store holds.
    @Test func aServersFlushWritesTheLatestStateOfSeveralChangesToOneCoding() async throws {
        let workspace = try await workspace()
        let served = FieldworkContext(workspace: workspace.context.workspace, store: workspace.store, deferredLedger: true)
        let text = try await workspace.plainText("int-014")
        func add(_ quote: String) async throws -> WrittenCoding {
            let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
            return try await served.codings.add(document: "int-014", span: start..<(start + quote.unicodeScalars.count), code: "need", coder: "Bo")
        }
        // Within one flush: one coding added, edited, then removed (read back); one added and edited.
        let removed = try await add("ligger vaken")
        _ = try await served.codings.update(id: removed.id, memo: "natt", expectedVersion: 1)
        try await served.codings.remove(id: removed.id, by: "Bo", expectedVersion: 2)
        let edited = try await add("Larmet skaver")
        _ = try await served.codings.update(id: edited.id, memo: "tar av", expectedVersion: 1)
        let file = try await ledger(workspace, "Bo", containing: ["\"removed\"", "\"memo\":\"tar av\""])
        let latest = LedgerMerge.latest(try LedgerFile.parse(file, file: "codings/bo.jsonl"))
        let stored = try await workspace.store.ledgerRecords(ids: [removed.id, edited.id])
        #expect(latest.count == 2)
        #expect(stored.count == 2)
        // As lines: a date read back from a file may differ from the stored one below the millisecond.
        for record in stored { #expect(latest[record.id].map(LedgerFile.line) == LedgerFile.line(record)) }
        #expect(latest[removed.id]?.version == 3 && latest[edited.id]?.version == 2)
    }

    /// A server killed before it could compact leaves appended lines: the next ingest (any
    /// machine) takes the latest state and rewrites the file in canonical form.
    @Test func anIngestCompactsAFileAKilledServerAppendedTo() async throws {
        let workspace = try await workspace()
        let coding = try await workspace.code("int-014", quote: "Larmet skaver", coder: "Bo")
        let served = FieldworkContext(workspace: workspace.context.workspace, store: workspace.store, deferredLedger: true)
        _ = try await served.codings.update(id: coding.id, memo: "skaver", expectedVersion: 1)
        let appended = try await ledger(workspace, "Bo", containing: ["\"memo\":\"skaver\""])
        #expect(appended.split(separator: "\n").count == 2)

        // Another machine: a fresh database built from the files.
        let other = try await TemporaryWorkspace()
        try other.write("corpus/int-014.md", TemporaryWorkspace.interview(body: Self.body))
        try copyLedger("Bo", from: workspace, to: other)
        let summary = try await other.ingest()
        #expect(summary.problems.isEmpty)
        #expect(try await other.store.coding(id: coding.id)?.memo == "skaver")
        let compacted = try ledger(other, "Bo")
        #expect(compacted.split(separator: "\n").count == 1 && compacted.contains("\"version\":2"))
        #expect(compacted == LedgerFile.render(Array(LedgerMerge.latest(try LedgerFile.parse(appended, file: "b")).values)))
    }

    @Test func aDeletedDatabaseIsRebuiltFromTheFilesWithNothingLost() async throws {
        let workspace = try await workspace()
        let kept = try await workspace.code("int-014", quote: "Familjen 👩‍👩‍👧 ringer", coder: "anna")
        _ = try await workspace.context.codings.update(id: kept.id, memo: "familjen", expectedVersion: 1)
        let removed = try await workspace.code("int-014", quote: "Larmet skaver", coder: "anna")
        try await workspace.context.codings.remove(id: removed.id, by: "anna")
        let memo = try await workspace.context.memos.add(target: .project, targetID: "", author: "anna", text: "Projektmemo")
        let before = try await workspace.store.codings(CodingFilter())

        // The database lost: the SQLite file deleted, or on PostgreSQL a new, empty database.
        try FileManager.default.removeItem(at: workspace.root.appending(path: ".fieldwork"))
        let empty = try await TestDatabase.make()
        let reopened = try FieldworkContext.open(Workspace(root: workspace.root), storeURL: empty.url)
        empty.usedBy(reopened.store as AnyObject)
        let summary = try await reopened.ingest.ingest()
        #expect(summary.problems.isEmpty && summary.ledger.taken == 3)
        #expect(try await reopened.store.codings(CodingFilter()) .map(\.id) == before.map(\.id))
        let restored = try #require(try await reopened.store.coding(id: kept.id))
        #expect(restored.quote == "Familjen 👩‍👩‍👧 ringer" && restored.memo == "familjen" && restored.status == .anchored)
        #expect(restored.start == kept.start && restored.version == 2)
        #expect(try await reopened.store.coding(id: removed.id) == nil)
        #expect(try await reopened.store.memo(id: memo.id)?.text == "Projektmemo")
        // Ingesting again takes nothing twice and writes nothing new.
        let again = try await reopened.ingest.ingest()
        #expect(again.ledger.taken == 0 && again.ledger.written == 0)
    }

    @Test func twoCodersOnTwoMachinesSeeEachOthersWorkBothWays() async throws {
        let anna = try await workspace(), bo = try await workspace()
        let annas = try await anna.code("int-014", quote: "ligger vaken", coder: "Anna")
        let bos = try await bo.code("int-014", quote: "Larmet skaver", code: "need", coder: "Bo")
        try copyLedger("Anna", from: anna, to: bo)
        try copyLedger("Bo", from: bo, to: anna)
        #expect(try await anna.ingest().ledger.taken == 1)
        #expect(try await bo.ingest().ledger.taken == 1)
        for machine in [anna, bo] {
            #expect(Set(try await machine.store.codings(CodingFilter()).map(\.id)) == [annas.id, bos.id])
        }
        // Bo changes Anna's memo and removes his own; the changes travel in Bo's file only.
        _ = try await bo.context.codings.update(id: annas.id, memo: "håller med", expectedVersion: 1, by: "Bo")
        try await bo.context.codings.remove(id: bos.id, by: "Bo")
        let annasFileOnAnna = try ledger(anna, "Anna")
        try copyLedger("Bo", from: bo, to: anna)
        #expect(try await anna.ingest().ledger.taken == 2)
        #expect(try await anna.store.coding(id: annas.id)?.memo == "håller med")
        #expect(try await anna.store.coding(id: bos.id) == nil)
        // Anna's machine never rewrote her file for Bo's changes: no conflict when she pulls.
        #expect(try ledger(anna, "Anna") == annasFileOnAnna)
    }

    @Test func aColleaguesCodingIsPlacedInTheLocalTextOrKeptAsAnOrphan() async throws {
        let anna = try await workspace(), bo = try await workspace()
        let moved = try await anna.code("int-014", quote: "lyssnar efter ljud i trapphuset", coder: "Anna")
        let gone = try await anna.code("int-014", quote: "Larmet skaver", coder: "Anna")
        // Bo's copy of the transcript was corrected: a sentence added, one passage rewritten.
        try bo.write("corpus/int-014.md", TemporaryWorkspace.interview(body: """
            **R14:** Det är tyst. Jag ligger vaken på natten och lyssnar efter ljud i trapphuset.

            **R14:** Jag tar av det på kvällen. Familjen 👩‍👩‍👧 ringer varje kväll.
            """))
        try copyLedger("Anna", from: anna, to: bo)
        let summary = try await bo.ingest()
        #expect(summary.ledger.taken == 2 && summary.ledger.orphaned == 1)
        let placed = try #require(try await bo.store.coding(id: moved.id))
        let text = try await bo.plainText("int-014")
        #expect(placed.status == .anchored && text[placed.anchor.span] == "lyssnar efter ljud i trapphuset")
        #expect(placed.start != moved.start)
        let orphan = try #require(try await bo.store.coding(id: gone.id))
        #expect(orphan.status == .orphaned && orphan.quote == "Larmet skaver")
    }

    @Test func aBadLineNamesFileAndLineAndItsFileChangesNothing() async throws {
        let anna = try await workspace(), bo = try await workspace()
        _ = try await anna.code("int-014", quote: "ligger vaken", coder: "Anna")
        try copyLedger("Anna", from: anna, to: bo)
        let path = CodingLedger.relativePath(for: "Anna")
        let good = try ledger(anna, "Anna")
        try bo.write(path, good + "{\"type\":\"coding\",\"id\":\"c-x\"}\n")
        let summary = try await bo.ingest()
        #expect(summary.problems.map(\.description) == ["codings/anna.jsonl:2: missing field 'changed_by'"]
                || summary.problems.first?.description.hasPrefix("codings/anna.jsonl:2: missing field") == true)
        #expect(try await bo.store.counts().codings == 0)
        // Fixed by hand: the next ingest takes it in.
        try bo.write(path, good)
        #expect(try await bo.ingest().ledger.taken == 1)
    }

    @Test func aWorkspaceFromBeforeTheLedgerWritesItsCodingsOut() async throws {
        let workspace = try await workspace()
        // Written straight into the store, as a QDPX import or an older Fieldwork did.
        let coding = Coding(id: "c-000000000001", documentID: "int-014", codeID: "need", coder: "Karin", memo: nil,
                            anchor: TextQuoteAnchor(span: 9..<15, in: try await workspace.plainText("int-014")),
                            createdAt: Coding.timestamp())
        try await workspace.store.insertCoding(coding)
        #expect(try await workspace.ingest().ledger.written == 1)
        #expect(try ledger(workspace, "Karin").contains("\"id\":\"c-000000000001\""))
        #expect(try await workspace.ingest().ledger.written == 0)
    }
}
