import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct CodingServiceTests {
    private func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "Hej 👋🏽 då, säger jag."))
        try await workspace.ingest()
        return workspace
    }

    @Test func addStoresQuoteAndContextInScalarOffsets() async throws {
        let workspace = try await workspace()
        let text = try await workspace.plainText("int-014")
        let start = try #require(text.occurrences(of: Array("👋🏽".unicodeScalars)).first)
        let coding = try await workspace.context.codings.add(
            document: "int-014", span: start..<(start + 5), code: "need", coder: "anna", memo: "  vinkar  ").coding
        #expect(coding.quote == "👋🏽 då")
        #expect(coding.memo == "vinkar")
        #expect(coding.anchor.prefix.hasSuffix("Hej "))
        let listed = try await workspace.context.codings.list(CodingFilter(codeIDs: ["need"]))
        #expect(listed == [coding])
    }

    @Test func countsPerCodeAndCodersAreTheStoresOwnAggregatesOfLiveCodings() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        _ = try await service.add(document: "int-014", span: 0..<3, code: "need", coder: "anna")
        _ = try await service.add(document: "int-014", span: 4..<8, code: "need", coder: "bo")
        let removed = try await service.add(document: "int-014", span: 2..<6, code: "barrier", coder: "cecilia")
        try await service.remove(id: removed.id, by: "cecilia")
        let all = try await service.list(CodingFilter())
        #expect(try await workspace.store.codingCountsByCode() == Dictionary(grouping: all, by: \.codeID).mapValues(\.count))
        #expect(try await workspace.store.codingCountsByCode() == ["need": 2])
        #expect(try await workspace.store.coders() == ["anna", "bo"])
    }

    @Test func badInputIsRefusedAndChangesNothing() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        await #expect(throws: CodingError.unknownCode("need.nope")) {
            _ = try await service.add(document: "int-014", span: 0..<3, code: "need.nope", coder: "anna")
        }
        await #expect(throws: CodingError.self) {
            _ = try await service.add(document: "int-014", span: 0..<9999, code: "need", coder: "anna")
        }
        await #expect(throws: StoreError.notFound("document 'nope'")) {
            _ = try await service.add(document: "nope", span: 0..<3, code: "need", coder: "anna")
        }
        await #expect(throws: CodingError.invalidCoder) {
            _ = try await service.add(document: "int-014", span: 0..<3, code: "need", coder: "  ")
        }
        #expect(try await workspace.store.counts().codings == 0)
    }

    @Test func staleVersionsAreRefusedSoNoEditIsSilentlyOverwritten() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        let coding = try await service.add(document: "int-014", span: 0..<3, code: "need", coder: "anna")
        let first = try await service.update(id: coding.id, memo: "first", expectedVersion: coding.version)
        await #expect(throws: StoreError.staleVersion(id: coding.id, expected: 1, actual: 2)) {
            _ = try await service.update(id: coding.id, memo: "second", expectedVersion: coding.version)
        }
        #expect(try await workspace.store.coding(id: coding.id)?.memo == first.memo)
    }

    @Test func concurrentUpdatesFromTwoWritersNeverBothWin() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        let coding = try await service.add(document: "int-014", span: 0..<3, code: "need", coder: "anna")
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    (try? await service.update(id: coding.id, memo: "tab \(index)", expectedVersion: 1)) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        #expect(try await workspace.store.coding(id: coding.id)?.version == 2)
    }

    @Test func removeHidesTheCodingButKeepsTheRow() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        let coding = try await service.add(document: "int-014", span: 0..<3, code: "need", coder: "anna")
        try await service.remove(id: coding.id, by: "bo")
        #expect(try await workspace.store.coding(id: coding.id) == nil)
        #expect(try await workspace.store.counts().codings == 0)
        await #expect(throws: StoreError.notFound("coding '\(coding.id)'")) {
            try await service.remove(id: coding.id, by: "bo")
        }
    }

    /// The write itself tells a speaker label: the window it reads reaches a long label's start
    /// even when the span holds only the label's end, and the turns near the span come from the
    /// same transaction. A span with one spoken word is a coding, and a reattachment onto the
    /// label is refused too.
    @Test func aSpanOfOnlyTheEndOfALongSpeakerLabelIsRefused() async throws {
        let workspace = try await TemporaryWorkspace()
        let label = "Handläggare vid arbetsmarknadsförvaltningen"
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Jag ringde dem i mars.\n\n**\(label):** Vad hände sen?\n\n**R14:** Inget alls."))
        try await workspace.ingest()
        let text = try await workspace.plainText("int-014")
        let end = try #require(text.occurrences(of: Array("förvaltningen:".unicodeScalars)).first)
        let colon = end + "förvaltningen".unicodeScalars.count
        let service = workspace.context.codings
        for span in [end..<(colon + 1), (colon - 3)..<(colon + 2), colon..<(colon + 1)] {
            await #expect(throws: CodingError.speakerLabelOnly(span, label: label + ":")) {
                _ = try await service.add(document: "int-014", span: span, code: "need", coder: "anna")
            }
        }
        // A code that does not exist is the first thing said, wherever the span lies.
        await #expect(throws: CodingError.unknownCode("ned")) {
            _ = try await service.add(document: "int-014", span: end..<(colon + 1), code: "ned", coder: "anna")
        }
        #expect(try await workspace.store.counts().codings == 0)
        let coding = try await service.add(document: "int-014", span: end..<(colon + 5), code: "need", coder: "anna")
        #expect(coding.quote == "förvaltningen: Vad")
        await #expect(throws: CodingError.speakerLabelOnly(end..<(colon + 1), label: label + ":")) {
            _ = try await service.reattach(id: coding.id, span: end..<(colon + 1))
        }
        #expect(try await workspace.store.coding(id: coding.id)?.quote == "förvaltningen: Vad")
    }
}
