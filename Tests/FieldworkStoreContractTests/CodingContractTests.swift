import FieldworkCore
import Foundation
import Testing

/// Codings: versions, duplicates and concurrent writers give the same answers on every store.
@Suite struct CodingContractTests {
    let text = "Kaffe med grannen."

    @Test(arguments: StoreKind.available) func timestampsRoundTripExactly(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: "Kaffe.", hash: "a")])
            for seconds in [0.0, 1_700_000_000.123, 1_800_000_000.999, 951_782_400.5] {  // 951782400 = 2000-02-29
                let date = Coding.timestamp(Date(timeIntervalSince1970: seconds))
                let coding = Coding(id: "c-\(seconds)", documentID: "n1", codeID: "x", coder: "a", memo: nil,
                                    anchor: TextQuoteAnchor(span: 0..<5, in: ScalarText("Kaffe.")), createdAt: date)
                try await store.insertCoding(coding)
                #expect(try await store.coding(id: coding.id)?.createdAt == date)
            }
        }
    }

    @Test(arguments: StoreKind.available) func codingVersionsAreChecked(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            var coding = Fixtures.coding("c-1", in: text, span: 0..<5)
            try await store.insertCoding(coding)
            #expect(try await store.coding(id: "c-1") == coding)
            coding.memo = "ny"
            coding.version = 2
            try await store.updateCoding(coding)
            await #expect(throws: StoreError.staleVersion(id: "c-1", expected: 1, actual: 2)) {
                try await store.updateCoding(coding)
            }
            await #expect(throws: StoreError.staleVersion(id: "c-1", expected: 1, actual: 2)) {
                try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: 1)
            }
            await #expect(throws: StoreError.notFound("document 'nope'")) {
                var other = coding
                other.id = "c-2"
                other.documentID = "nope"
                try await store.insertCoding(other)
            }
            try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: 2)
            #expect(try await store.coding(id: "c-1") == nil)
            await #expect(throws: StoreError.notFound("coding 'c-1'")) { try await store.updateCoding(coding) }
            #expect(try await store.counts().codings == 0)
        }
    }

    @Test(arguments: StoreKind.available) func atomicInsertReadsTextAndCodeInItsTransaction(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                _ = try await store.insertCoding(documentID: "n1", around: 0..<5, codeID: "need") { context in
                    #expect(!context.codeExists)  // the codebook is empty
                    #expect(context.window.text == "Kaffe med grannen.")
                    throw Refused()
                }
            }
            #expect(try await store.codings(CodingFilter()).isEmpty)
            await #expect(throws: StoreError.notFound("document 'nope'")) {
                _ = try await store.insertCoding(documentID: "nope", around: 0..<5, codeID: "need") { _ in throw Refused() }
            }
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need)]), files: [])
            let coding = try await store.insertCoding(documentID: "n1", around: 10..<17, codeID: "need") { context in
                #expect(context.codeExists)
                return Coding(id: "c-1", documentID: "n1", codeID: "need", coder: "anna", memo: nil,
                              anchor: try #require(TextQuoteAnchor(span: 10..<17, in: context.window)), createdAt: Coding.timestamp())
            }
            #expect(coding.anchor.quote == "grannen")
            #expect(try await store.coding(id: "c-1") == coding)
        }
    }

    @Test(arguments: StoreKind.available) func theSameSpanCodeAndCoderTwiceIsRefused(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            @Sendable func add(_ id: String, coder: String = "Anna") async throws -> Coding {
                try await store.insertCoding(documentID: "n1", around: 0..<5, codeID: "need") { context in
                    Coding(id: id, documentID: "n1", codeID: "need", coder: coder, memo: nil,
                           anchor: try #require(TextQuoteAnchor(span: 0..<5, in: context.window)), createdAt: Coding.timestamp())
                }
            }
            _ = try await add("c-1")
            await #expect(throws: StoreError.duplicateCoding(existingID: "c-1")) { _ = try await add("c-2") }
            _ = try await add("c-3", coder: "Bo")  // another coder's coding of the same words is not a duplicate
            try await store.removeCoding(id: "c-1", by: "Anna", expectedVersion: nil)
            _ = try await add("c-4")  // nor is one whose twin was removed
            #expect(try await store.coders() == ["Anna", "Bo"])
            #expect(try await store.codingCountsByCode() == ["need": 2])
        }
    }

    /// Concurrent writers of one coding version: exactly one wins, every other gets `staleVersion`;
    /// concurrent inserts of the same coding: exactly one is stored.
    @Test(arguments: StoreKind.available) func concurrentWritersGetExactlyOneWinner(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            let original = Fixtures.coding("c-1", in: text, span: 0..<5)
            try await store.insertCoding(original)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        var mine = original
                        mine.memo = "writer \(writer)"
                        mine.version = 2
                        do {
                            try await store.updateCoding(mine)
                            return true
                        } catch StoreError.staleVersion(_, let expected, let actual) {
                            #expect(expected == 1 && actual == 2)
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.coding(id: "c-1")?.version == 2)
            #expect(try await store.codingHistory(id: "c-1")?.map(\.kind) == [.created, .changed])

            let inserted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await store.insertCoding(documentID: "n1", around: 10..<17, codeID: "need") { context in
                                Coding(id: "c-new-\(writer)", documentID: "n1", codeID: "need", coder: "Bo", memo: nil,
                                       anchor: try #require(TextQuoteAnchor(span: 10..<17, in: context.window)),
                                       createdAt: Coding.timestamp())
                            }
                            return true
                        } catch StoreError.duplicateCoding {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(inserted.filter { $0 }.count == 1)
            #expect(try await store.codings(CodingFilter(coder: "Bo")).count == 1)
        }
    }

    @Test(arguments: StoreKind.available) func codingsAreFilteredAndOrderedAlike(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a"),
                                                Fixtures.change("n2", text: text, hash: "b")])
            let codings = [
                Fixtures.coding("c-b", in: text, span: 10..<17, document: "n2", code: "need.social", coder: "Bo"),
                Fixtures.coding("c-a", in: text, span: 0..<5, document: "n2", code: "need"),
                Fixtures.coding("c-c", in: text, span: 0..<5, document: "n1", code: "emotion", coder: "Bo"),
            ]
            for coding in codings { try await store.insertCoding(coding) }
            #expect(try await store.codings(CodingFilter()).map(\.id) == ["c-c", "c-a", "c-b"])
            #expect(try await store.codings(CodingFilter(codeIDs: ["need", "need.social"])).map(\.id) == ["c-a", "c-b"])
            #expect(try await store.codings(CodingFilter(documentID: "n2", coder: "Bo")).map(\.id) == ["c-b"])
            #expect(try await store.codings(CodingFilter(status: .orphaned)).isEmpty)
            #expect(try await store.codings(CodingFilter(codeIDs: [])).isEmpty)
            #expect(try await store.documents().map(\.codings) == [1, 2])
        }
    }
}
