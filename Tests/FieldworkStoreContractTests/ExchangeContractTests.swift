import FieldworkCore
import Foundation
import Testing

/// REFI-QDA imports (`ExchangeStore`): one batch is written whole, with the documents it brings,
/// or refused whole with every problem named, on every store.
@Suite struct ExchangeContractTests {
    let text = "Kaffe med grannen. Rädd på natten."

    private func prepared(_ store: any FieldworkStore) async throws -> any ExchangeStore {
        _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
        _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Behov", kind: .need)]), files: [])
        return try #require(store as? any ExchangeStore)
    }

    @Test(arguments: StoreKind.available) func anAcceptedBatchIsStoredWithItsDocuments(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let exchange = try await prepared(store)
            let foreign = "Utländsk anteckning om trygghet."
            let batch = ExchangeBatch(
                documents: [Fixtures.change("n2", text: foreign, hash: "b")],
                codings: [Fixtures.coding("c-1", in: text, span: try Fixtures.span(of: "Rädd", in: text)),
                          Fixtures.coding("c-2", in: foreign, span: try Fixtures.span(of: "trygghet", in: foreign), document: "n2")],
                memos: [Memo(id: "m-1", target: .document, targetID: "n2", author: "Anna", text: "Från QDPX", createdAt: Coding.timestamp()),
                        Memo(id: "m-2", target: .code, targetID: "need", author: "Anna", text: "Kod", createdAt: Coding.timestamp())])
            try await exchange.insertExchangeBatch(batch)
            let reopened = try await subject.reopen()
            #expect(Set(try await reopened.codings(CodingFilter()).map(\.id)) == ["c-1", "c-2"])
            #expect(try await reopened.coding(id: "c-1") == batch.codings[0])
            #expect(try await reopened.document(id: "n2")?.plainText == foreign)
            #expect(Set(try await reopened.memos(target: nil, targetID: nil).map(\.id)) == ["m-1", "m-2"])
            // Each imported coding's history starts with its import.
            let history = try #require(try await reopened.codingHistory(id: "c-2"))
            #expect(history.map(\.kind) == [.created] && history.first?.source == "import")
        }
    }

    @Test(arguments: StoreKind.available) func aRefusedBatchNamesEveryProblemAndChangesNothing(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let exchange = try await prepared(store)
            let before = try await store.counts()
            let good = Fixtures.coding("c-good", in: text, span: 0..<5)
            var changed = Fixtures.coding("c-changed", in: text, span: 6..<9)
            changed.anchor.quote = "inte texten"
            var outside = Fixtures.coding("c-outside", in: text, span: 0..<5)
            outside.anchor.end = 500
            let batch = ExchangeBatch(
                documents: [Fixtures.change("n2", text: "Ny text.", hash: "b")],
                codings: [good, changed, outside, Fixtures.coding("c-code", in: text, span: 0..<5, code: "no.such"),
                          Fixtures.coding("c-document", in: text, span: 0..<5, document: "missing")],
                memos: [Memo(id: "m-1", target: .document, targetID: "gone", author: "Anna", text: "x", createdAt: Coding.timestamp()),
                        Memo(id: "m-2", target: .code, targetID: "nope", author: "Anna", text: "y", createdAt: Coding.timestamp())])
            let refusal = await #expect(throws: ExchangeBatchRefused.self) { try await exchange.insertExchangeBatch(batch) }
            #expect(refusal?.problems == [
                "coding c-changed: the text of n1 at [6, 9) changed",
                "coding c-outside: span [0, 500) is not inside n1 (34 scalars)",
                "coding c-code: unknown code 'no.such'",
                "coding c-document: no document 'missing'",
                "memo m-1: no document 'gone'",
                "memo m-2: unknown code 'nope'",
            ])
            // Nothing of it: not the good coding, not the batch's new document.
            let reopened = try await subject.reopen()
            #expect(try await reopened.counts() == before)
            #expect(try await reopened.document(id: "n2") == nil)
            #expect(try await reopened.sourceFiles().keys.sorted() == ["corpus/n1.md"])
            #expect(try await reopened.memos(target: nil, targetID: nil).isEmpty)
        }
    }
}
