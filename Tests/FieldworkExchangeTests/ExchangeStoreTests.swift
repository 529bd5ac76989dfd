import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// The store side of "nothing half-imported": one bad item and nothing of the batch is written;
/// and the codebook side: a refused batch puts the added codes back out of the YAML.
struct ExchangeStoreTests {
    private func coding(_ text: ScalarText, _ span: Range<Int>, document: String = "int-014", code: String = "need") -> Coding {
        Coding(id: Coding.newID(), documentID: document, codeID: code, coder: "Anna", memo: nil,
               anchor: TextQuoteAnchor(span: span, in: text), createdAt: Coding.timestamp())
    }

    @Test func oneBadCodingAndNothingOfTheBatchIsWritten() async throws {
        let workspace = try await ExchangeWorkspace()
        let store = try #require(workspace.store as? any ExchangeStore)
        let text = try await workspace.plainText("int-014")
        let good = coding(text, 0..<10)
        var shifted = coding(text, 10..<20)
        shifted.anchor.quote = "not the text"
        var outside = coding(text, 0..<5)
        outside.anchor.end = text.count + 1
        let memo = Memo(id: Memo.newID(), target: .code, targetID: "need", author: "Anna", text: "ok", createdAt: Coding.timestamp())
        for bad in [shifted, outside, coding(text, 0..<5, code: "no.such.code"),
                    coding(text, 0..<5, document: "no-such-document")] {
            await #expect(throws: ExchangeBatchRefused.self) {
                try await store.insertExchangeBatch(ExchangeBatch(codings: [good, bad], memos: [memo]))
            }
        }
        #expect(try await workspace.store.codings(CodingFilter()).isEmpty)
        #expect(try await workspace.store.memos(target: nil, targetID: nil).isEmpty)
        try await store.insertExchangeBatch(ExchangeBatch(codings: [good], memos: [memo]))
        #expect(try await workspace.store.codings(CodingFilter()) == [good])
        #expect(try await workspace.store.memos(target: nil, targetID: nil) == [memo])
    }

    @Test func aRefusedBatchTakesTheNewCodesBackOutOfTheCodebook() async throws {
        let workspace = try await ExchangeWorkspace()
        let editor = CodebookEditor(workspace: workspace.context.workspace, store: workspace.store)
        let new = Code(id: "need.neighbours", name: "Neighbours", kind: .need, parentID: "need")
        await #expect(throws: ExchangeBatchRefused.self) {
            _ = try await editor.add([new]) { throw ExchangeBatchRefused(problems: ["refused"]) }
        }
        #expect(try workspace.read("codebooks/codebook.yaml") == ExchangeWorkspace.codebook)
        #expect(try await workspace.store.codebook()["need.neighbours"] == nil)
        // Without a refusal the code stays.
        _ = try await editor.add([new])
        #expect(try await workspace.store.codebook()["need.neighbours"]?.parentID == "need")
    }
}
