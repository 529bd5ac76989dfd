import FieldworkCore
import Foundation
import Testing

/// Group commit (`writeCodings`): the writes of a batch share one transaction, each in a
/// savepoint of its own, so a refused write fails alone, with the error it gets alone, and the
/// batch is written in order with the versions and history of single writes; on every store.
@Suite struct CodingBatchContractTests {
    let text = "Kaffe med grannen på kvällen."

    static func insert(_ id: String, _ span: Range<Int>, code: String = "need", coder: String = "Anna",
                       document: String = "n1") -> CodingWrite {
        .insert(documentID: document, span: span, codeID: code) { context in
            Coding(id: id, documentID: document, codeID: code, coder: coder, memo: nil,
                   anchor: try #require(TextQuoteAnchor(span: span, in: context.window)), createdAt: Coding.timestamp())
        }
    }

    @Test(arguments: StoreKind.available) func aRefusedWriteFailsAloneAndTheOthersAreWritten(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need)]), files: [])
            let first = try await store.writeAlone(Self.insert("c-1", 0..<5)).coding
            var changed = first
            changed.memo = "ny"
            changed.version = 2
            struct Refused: Error, Equatable {}
            let results = try await store.writeCodings([
                Self.insert("c-2", 10..<17),
                Self.insert("c-dup", 0..<5),                                    // c-1's span, code and coder
                .update({ var stale = first; stale.memo = "gammal"; stale.version = 3; return stale }()),
                Self.insert("c-x", 0..<5, document: "nope"),
                .update(changed),                                               // version 1 -> 2
                .insert(documentID: "n1", span: 21..<28, codeID: "need") { _ in throw Refused() },
                Self.insert("c-3", 21..<28, code: "unknown"),                   // the store does not check the code
                .remove(id: "c-1", by: "Bo", expectedVersion: 1),              // stale after the update above
                .remove(id: "c-1", by: "Bo", expectedVersion: 2),
                .update(changed),                                               // c-1 is removed now
            ])
            #expect(results.count == 10)
            #expect(try results[0].get().anchor.quote == "grannen")
            #expect(throws: StoreError.duplicateCoding(existingID: "c-1")) { try results[1].get() }
            #expect(throws: StoreError.staleVersion(id: "c-1", expected: 2, actual: 1)) { try results[2].get() }
            #expect(throws: StoreError.notFound("document 'nope'")) { try results[3].get() }
            #expect(try results[4].get().memo == "ny")
            #expect(throws: Refused()) { try results[5].get() }
            #expect(try results[6].get().id == "c-3")
            #expect(throws: StoreError.staleVersion(id: "c-1", expected: 1, actual: 2)) { try results[7].get() }
            #expect(try results[8].get().version == 3)
            #expect(throws: StoreError.notFound("coding 'c-1'")) { try results[9].get() }

            // What the batch wrote is stored (read again through a new connection), nothing else.
            let reopened = try await subject.reopen()
            #expect(try await reopened.codings(CodingFilter()).map(\.id).sorted() == ["c-2", "c-3"])
            #expect(try await reopened.coding(id: "c-1") == nil)
            #expect(try await reopened.codingHistory(id: "c-1")?.map(\.kind) == [.created, .changed, .removed])
            #expect(try await reopened.codingHistory(id: "c-1")?.map(\.version) == [1, 2, 3])
            #expect(try await reopened.codingHistory(id: "c-dup") == nil)
            #expect(try await reopened.codingHistory(id: "c-2")?.map(\.kind) == [.created])
        }
    }

    /// Batches from many tasks at once: every write lands exactly once, each batch in its order.
    @Test(arguments: StoreKind.available) func concurrentBatchesLandExactlyOnce(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            let results = try await withThrowingTaskGroup(of: [CodingWriteResult].self) { group in
                for task in 0..<8 {
                    group.addTask {
                        // Each task's second write is a duplicate of its first: refused, alone.
                        try await store.writeCodings((0..<6).map { index in
                            Self.insert("c-\(task)-\(index)", 0..<(5 + (index == 1 ? 0 : index)), coder: "coder \(task)")
                        })
                    }
                }
                return try await group.reduce(into: [[CodingWriteResult]]()) { $0.append($1) }
            }
            for batch in results {
                #expect(batch.count == 6)
                for (index, result) in batch.enumerated() {
                    if index == 1 {
                        #expect(throws: StoreError.self) { try result.get() }
                    } else {
                        #expect((try? result.get()) != nil)
                    }
                }
            }
            let stored = try await store.codings(CodingFilter())
            #expect(stored.count == 8 * 5)
            #expect(Set(stored.map(\.id)).count == 8 * 5)
            #expect(try await store.counts().codings == 40)
        }
    }
}
