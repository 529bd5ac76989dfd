import FieldworkCore
import Foundation
import Testing

/// Replacing the codebook keeps its order and every field, refuses to strand codings, and
/// folds a code into the one that lists it under `formerly`.
@Suite struct CodebookContractTests {
    let text = "Kaffe med grannen."

    @Test(arguments: StoreKind.available) func theCodebookRoundTripsInItsOrder(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            var safety = Code(id: "need.safety", name: "Trygghet", kind: .need, description: "Känna sig trygg",
                              include: "oro", exclude: "brand", examples: ["låst dörr"], color: "#aa0000",
                              parentID: "need", position: 1, formerly: ["need.secure"],
                              source: SourceLocation(file: "codebooks/main.yaml", line: 12), questions: ["Vad gör dig trygg?"])
            safety.translations = ["en": CodeTranslation(name: "Safety")]
            let codebook = Codebook(codes: [Code(id: "need", name: "Behov", kind: .need), safety,
                                            Code(id: "emotion", name: "Känsla", kind: .emotion, position: 2)])
            let result = try await store.replaceCodebook(codebook, files: [
                SourceFileState(path: "codebooks/main.yaml", contentHash: "h", parserVersion: 1)])
            #expect(result == CodebookApplyResult(codes: 3, codingsRemapped: 0))
            let reopened = try await subject.reopen()
            #expect(try await reopened.codebook() == codebook)
            #expect(try await reopened.codeExists("need.safety"))
            #expect(try await !reopened.codeExists("need.secure"))
            #expect(try await reopened.sourceFiles()["codebooks/main.yaml"]?.contentHash == "h")
            #expect(try await reopened.counts().codes == 3)
            // A codebook file that is gone is forgotten.
            _ = try await store.replaceCodebook(codebook, files: [])
            #expect(try await store.sourceFiles()["codebooks/main.yaml"] == nil)
        }
    }

    @Test(arguments: StoreKind.available) func codesWithCodingsAreKeptOrMerged(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need),
                                                                 Code(id: "need.coffee", name: "Coffee", kind: .need)]), files: [])
            try await store.insertCoding(Fixtures.coding("c-1", in: text, span: 0..<5, code: "need.coffee"))
            try await store.insertCoding(Fixtures.coding("c-2", in: text, span: 10..<17, code: "need.coffee"))
            await #expect(throws: CodebookChangeRefused(codingsByRemovedCode: ["need.coffee": 2])) {
                _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need)]), files: [])
            }
            #expect(try await store.codeExists("need.coffee"))  // refused: nothing changed
            let merged = try await store.replaceCodebook(Codebook(codes: [
                Code(id: "need", name: "Need", kind: .need),
                Code(id: "need.social", name: "Social", kind: .need, formerly: ["need.coffee"]),
            ]), files: [])
            #expect(merged.codingsRemapped == 2)
            let codings = try await store.codings(CodingFilter())
            #expect(codings.map(\.codeID) == ["need.social", "need.social"] && codings.allSatisfy { $0.version == 2 })
            #expect(try await store.codingHistory(id: "c-1")?.last?.kind == .merged)
        }
    }
}
