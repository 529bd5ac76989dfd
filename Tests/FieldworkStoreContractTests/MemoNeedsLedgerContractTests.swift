import FieldworkCore
import Foundation
import Testing

/// Memos, need–solution links, the ledger's bookkeeping and the audit head, on every store.
@Suite struct MemoNeedsLedgerContractTests {
    @Test(arguments: StoreKind.available) func memosAreVersionedAndRemovedSoftly(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let now = Coding.timestamp()
            var memo = Memo(id: "m-1", target: .document, targetID: "n1", author: "Anna", text: "Första tanken", createdAt: now)
            try await store.insertMemo(memo)
            try await store.insertMemo(Memo(id: "m-2", target: .project, targetID: "", author: "Bo", text: "Plan",
                                            createdAt: now.addingTimeInterval(1)))
            #expect(try await subject.reopen().memo(id: "m-1") == memo)
            #expect(try await store.memos(target: nil, targetID: nil).map(\.id) == ["m-1", "m-2"])
            #expect(try await store.memos(target: .document, targetID: "n1").map(\.id) == ["m-1"])
            #expect(try await store.memos(target: .code, targetID: nil).isEmpty)
            memo.text = "Andra tanken"
            memo.version = 2
            try await store.updateMemo(memo)
            await #expect(throws: StoreError.staleVersion(id: "m-1", expected: 1, actual: 2)) { try await store.updateMemo(memo) }
            await #expect(throws: StoreError.staleVersion(id: "m-1", expected: 1, actual: 2)) {
                try await store.removeMemo(id: "m-1", by: "Bo", expectedVersion: 1)
            }
            try await store.removeMemo(id: "m-1", by: "Bo", expectedVersion: 2)
            #expect(try await store.memo(id: "m-1") == nil)
            await #expect(throws: StoreError.notFound("memo 'm-1'")) { try await store.removeMemo(id: "m-1", by: "Bo", expectedVersion: nil) }
            // Removed softly: the ledger still knows it, removed by Bo.
            guard case .memo(let entry)? = try await store.ledgerRecord(id: "m-1") else { Issue.record("no ledger record"); return }
            #expect(entry.changedBy == "Bo" && entry.removed?.by == "Bo")
        }
    }

    @Test(arguments: StoreKind.available) func needLinksAreSavedReplacedAndRemoved(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let at = Coding.timestamp()
            let link = NeedSolutionLink(needID: "need.safety", solutionID: "door-sensor", rationale: "nattlig oro",
                                        linkedBy: "Anna", linkedAt: at)
            try await store.saveNeedLink(link)
            try await store.saveNeedLink(NeedSolutionLink(needID: "need.contact", solutionID: "tablet", rationale: "kontakt",
                                                          linkedBy: "Bo", linkedAt: at))
            var changed = link
            changed.status = .piloted
            changed.rationale = "piloted in area 3"
            try await store.saveNeedLink(changed)
            #expect(try await store.needLinks(needID: nil).map(\.needID) == ["need.contact", "need.safety"])
            #expect(try await store.needLinks(needID: "need.safety") == [changed])
            let removal = LedgerRecord.Removal(at: Coding.timestamp(), by: "Cecilia")
            #expect(try await store.removeNeedLink(needID: "need.safety", solutionID: "door-sensor", removal: removal) == changed)
            #expect(try await store.removeNeedLink(needID: "need.safety", solutionID: "door-sensor", removal: removal) == nil)
            #expect(try await store.needLinks(needID: nil).map(\.needID) == ["need.contact"])
            // Removed softly: the ledger still knows it, removed by Cecilia; linking again brings it back.
            let records = try await store.needLinkRecords()
            #expect(records.map(\.id) == [LedgerRecord.NeedLinkEntry.id(need: "need.contact", solution: "tablet"),
                                          LedgerRecord.NeedLinkEntry.id(need: "need.safety", solution: "door-sensor")])
            #expect(records.last?.removed == removal && records.last?.rationale == "piloted in area 3" && records.first?.removed == nil)
            try await store.saveNeedLink(link)
            #expect(try await store.needLinks(needID: "need.safety") == [link])
            #expect(try await store.needLinkRecords().allSatisfy { $0.removed == nil })
        }
    }

    @Test(arguments: StoreKind.available) func needLinksFromTheFilesAreStoredInOneGo(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let at = Coding.timestamp()
            let kept = NeedSolutionLink(needID: "need.safety", solutionID: "door-sensor", rationale: "oro", linkedBy: "Anna", linkedAt: at)
            try await store.saveNeedLink(kept)
            var removed = LedgerRecord.NeedLinkEntry(NeedSolutionLink(needID: "need.contact", solutionID: "tablet",
                                                                      rationale: "kontakt", status: .rejected, linkedBy: "Bo", linkedAt: at))
            removed.removed = LedgerRecord.Removal(at: at.addingTimeInterval(60), by: "Cecilia")
            var changed = LedgerRecord.NeedLinkEntry(kept)
            changed.status = .piloted
            try await store.applyNeedLinks([removed, changed])
            #expect(try await store.needLinks(needID: nil) == [changed.link])
            #expect(Set(try await store.needLinkRecords()) == [removed, changed])
        }
    }

    @Test(arguments: StoreKind.available) func theLedgerSeesWhatChangedSinceItWasWritten(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let text = "Kaffe med grannen."
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            try await store.insertCoding(Fixtures.coding("c-1", in: text, span: 0..<5))
            try await store.insertMemo(Memo(id: "m-1", target: .code, targetID: "need", author: "Anna", text: "x",
                                            createdAt: Coding.timestamp()))
            #expect(Set(try await store.unsyncedLedgerRecords().map(\.id)) == ["c-1", "m-1"])
            let written = try await store.ledgerRecords(ids: ["c-1", "m-1"])
            try await store.noteLedgerWritten(written)
            #expect(try await store.unsyncedLedgerRecords().isEmpty)
            #expect(try await store.ledgerVersions() == ["c-1": 1, "m-1": 1])
            try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: 1)
            // A file written with version 1 while the removal was made: noting it says nothing
            // of version 2, which stays to be written out.
            try await store.noteLedgerWritten(written)
            #expect(try await store.ledgerVersions()["c-1"] == 1)
            let unsynced = try await store.unsyncedLedgerRecords()
            guard case .coding(let entry)? = unsynced.first, unsynced.count == 1 else { Issue.record("\(unsynced)"); return }
            #expect(entry.id == "c-1" && entry.changedBy == "Bo" && entry.version == 2)
            // Read in one go (a server's codings-file flush): codings and memos, removed or not,
            // unknown ids left out, more ids than one statement binds (SQLite reads in chunks).
            let many = ["c-1"] + (0..<600).map { "none-\($0)" } + ["m-1"]
            let batch = try await store.ledgerRecords(ids: many)
            #expect(batch.map(\.id).sorted() == ["c-1", "m-1"])
            #expect(batch.first { $0.id == "c-1" } == unsynced.first)
            #expect(try await store.ledgerRecords(ids: []).isEmpty)
            // Taken in from a colleague's file: stored, at the file's version, and synced.
            var theirs = Fixtures.coding("c-9", in: text, span: 10..<17, coder: "Maja")
            theirs.memo = "granne"
            try await store.applyLedger([.coding(theirs, changedBy: "Maja", removed: nil, ledgerVersion: 4, file: "codings/maja.jsonl"),
                                         .memo(Memo(id: "m-9", target: .project, targetID: "", author: "Maja", text: "y",
                                                    createdAt: Coding.timestamp()), removed: nil, ledgerVersion: 2)])
            #expect(try await store.coding(id: "c-9")?.version == 4)
            #expect(try await store.memo(id: "m-9")?.version == 2)
            #expect(try await store.ledgerVersions()["c-9"] == 4)
            #expect(try await store.unsyncedLedgerRecords().map(\.id) == ["c-1"])
            // The same coding twice in one batch (read ahead in one query on PostgreSQL): the
            // second change sees the first, as one after the other.
            var later = theirs
            later.memo = "granne igen"
            let events = try #require(try await store.codingHistory(id: "c-9")).count
            try await store.applyLedger([.coding(later, changedBy: "Maja", removed: nil, ledgerVersion: 5, file: "codings/maja.jsonl"),
                                         .coding(later, changedBy: "Maja", removed: nil, ledgerVersion: 6, file: "codings/maja.jsonl")])
            #expect(try await store.coding(id: "c-9")?.version == 6)
            #expect(try await store.coding(id: "c-9")?.memo == "granne igen")
            #expect(try await store.ledgerVersions()["c-9"] == 6)
            // Two take-ins, the memo changed by the first only: the second is compared with the first.
            let history = try #require(try await store.codingHistory(id: "c-9"))
            #expect(history.count == events + 2 && history.suffix(2).map(\.memoChanged) == [true, false])
            await #expect(throws: StoreError.notFound("document 'nope'")) {
                var lost = theirs
                lost.id = "c-10"
                lost.documentID = "nope"
                try await store.applyLedger([.coding(lost, changedBy: "Maja", removed: nil, ledgerVersion: 1, file: "codings/maja.jsonl")])
            }
        }
    }

    @Test(arguments: StoreKind.available) func theAuditHeadIsRemembered(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            #expect(try await store.auditHead() == nil)
            try await store.recordAuditHead(AuditHead(seq: 1, hash: "aa"))
            try await store.recordAuditHead(AuditHead(seq: 2, hash: "bb"))
            #expect(try await subject.reopen().auditHead() == AuditHead(seq: 2, hash: "bb"))
            // A primary (or a workspace's own file) is no replica; a hot standby is tested in PostgresStandbyCLITests.
            #expect(try await store.isReadOnlyReplica() == false)
        }
    }
}
