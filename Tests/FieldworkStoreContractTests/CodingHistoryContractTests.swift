import FieldworkCore
import Foundation
import Testing

/// Every change a store makes to a coding appends its event in the same transaction; the
/// store is opened again before the history is read.
@Suite struct CodingHistoryContractTests {
    let original = "Dörren låser sig på natten.\n\nKaffe med grannen varje morgon."

    private func change(_ text: String, hash: String) -> DocumentChange {
        Fixtures.change("n1", text: text, hash: hash, language: nil)
    }

    private func codebook(_ codes: Code...) -> Codebook { Codebook(codes: codes) }

    @Test(arguments: StoreKind.available) func everyKindOfChangeIsRecordedWithWhoWhenAndWhat(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let coffee = try Fixtures.span(of: "Kaffe med grannen", in: original)
            do {
                _ = try await store.applyDocuments([change(original, hash: "a")])
                _ = try await store.replaceCodebook(codebook(Code(id: "need", name: "Need", kind: .need),
                                                             Code(id: "need.coffee", name: "Coffee", kind: .need)), files: [])
                // created
                let made = try await store.insertCoding(documentID: "n1", around: coffee, codeID: "need") { context in
                    Coding(id: "c-1", documentID: "n1", codeID: "need", coder: "Anna", memo: nil,
                           anchor: try #require(TextQuoteAnchor(span: coffee, in: context.window)), createdAt: Coding.timestamp())
                }
                // changed: code and memo, by Bo
                var edited = made
                edited.codeID = "need.coffee"
                edited.memo = "fika"
                edited.version = 2
                edited.updatedBy = "Bo"
                edited.updatedAt = Coding.timestamp()
                try await store.updateCoding(edited)
                // reattached by Anna to the first sentence, then back
                var moved = edited
                moved.anchor = TextQuoteAnchor(span: 0..<6, in: ScalarText(original))
                moved.version = 3
                moved.updatedBy = "Anna"
                try await store.updateCoding(moved)
                var back = moved
                back.anchor = TextQuoteAnchor(span: coffee, in: ScalarText(original))
                back.version = 4
                try await store.updateCoding(back)
                // re-anchored (text inserted before), orphaned (quote deleted), recovered (edit undone)
                let shifted = "Ny inledning.\n\n" + original
                _ = try await store.applyDocuments([change(shifted, hash: "b")])
                _ = try await store.applyDocuments([change("Dörren låser sig på natten.\n\n varje morgon.", hash: "c")])
                _ = try await store.applyDocuments([change(original, hash: "d")])
                // merged: the codebook folds need.coffee into need.social
                _ = try await store.replaceCodebook(codebook(Code(id: "need", name: "Need", kind: .need),
                                                             Code(id: "need.social", name: "Social", kind: .need,
                                                                  formerly: ["need.coffee"])), files: [])
                // removed by Bo
                try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: nil)
                // restored, then changed, from Maja's codings file
                var theirs = try #require(try await store.ledgerRecord(id: "c-1").flatMap { record -> Coding? in
                    if case .coding(let entry) = record { return entry.coding }
                    return nil
                })
                theirs.memo = "fika med grannen"
                theirs.updatedAt = Coding.timestamp()
                try await store.applyLedger([.coding(theirs, changedBy: "Maja", removed: nil, ledgerVersion: 12,
                                                     file: "codings/maja.jsonl")])
                try await store.applyLedger([.coding(theirs, changedBy: "Maja", removed: nil, ledgerVersion: 13,
                                                     file: "codings/maja.jsonl")])
                // a coding first met in a colleague's file, removed there already
                var new = theirs
                new.id = "c-2"
                try await store.applyLedger([.coding(new, changedBy: "Maja",
                                                     removed: LedgerRecord.Removal(at: Coding.timestamp(), by: "Maja"),
                                                     ledgerVersion: 3, file: "codings/maja.jsonl")])
            }
            let reopened = try await subject.reopen()
            let history = try #require(try await reopened.codingHistory(id: "c-1"))
            #expect(history.map(\.kind) == [.created, .changed, .reattached, .reattached, .reanchored, .orphaned, .recovered,
                                            .merged, .removed, .restored, .changed])
            #expect(history.map(\.by) == ["Anna", "Bo", "Anna", "Anna", "ingest", "ingest", "ingest", "ingest", "Bo",
                                          "Maja", "Maja"])
            let (created, changed, reattached) = (history[0], history[1], history[2])
            #expect(created.newCode == "need" && created.newSpan == coffee && created.oldSpan == nil && created.version == 1)
            #expect(changed.oldCode == "need" && changed.newCode == "need.coffee" && changed.memoChanged)
            #expect(changed.oldSpan == coffee && changed.newSpan == coffee)
            #expect(reattached.oldSpan == coffee && reattached.newSpan == 0..<6 && !reattached.memoChanged)
            let reanchored = history[4]
            #expect(reanchored.oldSpan == coffee && reanchored.newSpan == coffee.lowerBound + 15..<coffee.upperBound + 15)
            #expect(reanchored.method == .exact)
            #expect(history[5].method == nil && history[6].method != nil && history[6].newSpan == coffee)
            #expect(history[7].oldCode == "need.coffee" && history[7].newCode == "need.social")
            #expect(history[8].source == nil && history[8].version == history[7].version + 1)
            #expect(history[9].source == "codings/maja.jsonl" && history[9].version == 12 && history[9].memoChanged)
            #expect(history[10].summary.contains("taken from codings/maja.jsonl, version 13"))
            // Versions only grow, and every event is in the order it happened.
            #expect(zip(history, history.dropFirst()).allSatisfy { $0.version <= $1.version && $0.at <= $1.at })

            let arrived = try #require(try await reopened.codingHistory(id: "c-2"))
            #expect(arrived.map(\.kind) == [.created, .removed] && arrived.allSatisfy { $0.by == "Maja" && $0.version == 3 })
            #expect(try await reopened.codingHistory(id: "c-none") == nil)
        }
    }

    @Test(arguments: StoreKind.available) func aRefusedChangeLeavesNoEvent(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([change(original, hash: "a")])
            let coding = Fixtures.coding("c-1", in: original, span: 0..<6)
            try await store.insertCoding(coding)
            var stale = coding
            stale.memo = "för sent"
            stale.version = 5
            await #expect(throws: StoreError.self) { try await store.updateCoding(stale) }
            await #expect(throws: StoreError.self) { try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: 4) }
            #expect(try await store.codingHistory(id: "c-1")?.map(\.kind) == [.created])
        }
    }

    /// The beginning of an id names codings in id order; removed codings only when asked for.
    @Test(arguments: StoreKind.available) func codingIDsAreFoundByTheirBeginning(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([change(original, hash: "a")])
            for (id, span) in [("c-0001-b", 0..<6), ("c-0001-a", 7..<12), ("c-0002-a", 13..<17), ("c-0001-c", 18..<22)] {
                try await store.insertCoding(Fixtures.coding(id, in: original, span: span))
            }
            try await store.removeCoding(id: "c-0001-c", by: "Bo", expectedVersion: nil)
            #expect(try await store.codingIDs(beginningWith: "c-0001", includingRemoved: false, limit: 10) == ["c-0001-a", "c-0001-b"])
            #expect(try await store.codingIDs(beginningWith: "c-0001", includingRemoved: true, limit: 10)
                    == ["c-0001-a", "c-0001-b", "c-0001-c"])
            #expect(try await store.codingIDs(beginningWith: "c-0001-c", includingRemoved: false, limit: 10).isEmpty)
            #expect(try await store.codingIDs(beginningWith: "c-", includingRemoved: true, limit: 2) == ["c-0001-a", "c-0001-b"])
            // Wildcards of LIKE and GLOB are plain characters here.
            #expect(try await store.codingIDs(beginningWith: "c-%", includingRemoved: true, limit: 10).isEmpty)
            #expect(try await store.codingIDs(beginningWith: "c-000?", includingRemoved: true, limit: 10).isEmpty)
            #expect(try await store.codingIDs(beginningWith: "C-0001", includingRemoved: true, limit: 10).isEmpty)
        }
    }
}
