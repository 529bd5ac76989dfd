import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Undoing a removal brings the same coding back, its id and history going on (found by a new
/// user: the browser's undo coded the words again under a new id with a fresh history). On both
/// stores, with group commit on (the context's queue) as a server runs.
@Suite struct CodingRestoreTests {
    private func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Larmet går på natten och jag ringer."))
        try await workspace.ingest()
        return workspace
    }

    @Test func aRemovedCodingComesBackWithItsIdMemoAndHistory() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        let coding = try await workspace.code("int-014", quote: "Larmet går på natten", code: "need.safety", coder: "anna")
        _ = try await service.update(id: coding.id, code: nil, memo: .some("nattlarm"), expectedVersion: 1, by: "anna")
        try await service.remove(id: coding.id, by: "bo", expectedVersion: 2)

        let restored = try await service.restore(id: coding.id, by: "bo", expectedVersion: 3)
        #expect(restored.id == coding.id && restored.version == 4 && restored.memo == "nattlarm" && restored.quote == coding.quote)
        // Who brought it back and when: what a colleague's copy learns from the codings file.
        #expect(restored.updatedBy == "bo" && (restored.updatedAt ?? .distantPast) > coding.createdAt)
        #expect(try await workspace.store.coding(id: coding.id) == restored.coding)
        let history = try await service.history(id: coding.id)
        #expect(history.map(\.kind) == [.created, .changed, .removed, .restored])
        #expect(history.last?.by == "bo" && history.last?.version == 4)
        // Removed and restored again: the history goes on.
        try await service.remove(id: coding.id, by: "anna")
        _ = try await service.restore(id: coding.id, by: "anna")
        #expect(try await workspace.store.coding(id: coding.id)?.version == 6)
    }

    @Test func aRestoreIsRefusedWhenItWouldReviveTheWrongThing() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        let coding = try await workspace.code("int-014", quote: "Larmet går på natten", code: "need.safety", coder: "anna")
        // Live: nothing to bring back.
        await #expect(throws: StoreError.conflict("coding '\(coding.id)' is not removed")) {
            try await service.restore(id: coding.id, by: "anna")
        }
        await #expect(throws: StoreError.notFound("coding 'c-none'")) { try await service.restore(id: "c-none", by: "anna") }
        try await service.remove(id: coding.id, by: "anna")
        // Another version than the removal left: someone else changed it meanwhile.
        await #expect(throws: StoreError.staleVersion(id: coding.id, expected: 1, actual: 2)) {
            try await service.restore(id: coding.id, by: "anna", expectedVersion: 1)
        }
        // The same words coded again with the same code by the same coder: that one stays, alone.
        let again = try await workspace.code("int-014", quote: "Larmet går på natten", code: "need.safety", coder: "anna")
        await #expect(throws: StoreError.duplicateCoding(existingID: again.id)) { try await service.restore(id: coding.id, by: "anna") }
        try await service.remove(id: again.id, by: "anna")

        // The transcript changed since the removal and its words are gone.
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Det är lugnt hela dagen, säger jag."))
        try await workspace.ingest()
        await #expect(throws: StoreError.self) { try await service.restore(id: coding.id, by: "anna") }
        #expect(try await workspace.store.coding(id: coding.id) == nil, "a refused restore changes nothing")
        #expect(try await service.history(id: coding.id).map(\.kind) == [.created, .removed])
    }

    /// An edit before its words since the removal moved them (ingest re-anchors live codings
    /// only): the restore finds them, as ingest would have (found by a new user: undo failed with
    /// "its words are no longer at its place" after a comma was added to an earlier turn).
    @Test func aRestoreFindsItsWordsWhereAnEarlierEditMovedThem() async throws {
        let workspace = try await workspace()
        let service = workspace.context.codings
        let coding = try await workspace.code("int-014", quote: "Larmet går på natten", code: "need.safety", coder: "anna")
        try await service.remove(id: coding.id, by: "anna")
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Först något helt annat, om maten.\n\n**R14:** Larmet går på natten och jag ringer."))
        try await workspace.ingest()

        let restored = try await service.restore(id: coding.id, by: "anna")
        let text = try await workspace.plainText("int-014")
        #expect(restored.start > coding.start && text[restored.anchor.span] == "Larmet går på natten")
        #expect(try await workspace.store.coding(id: coding.id)?.anchor == restored.anchor)
        let event = try #require(try await service.history(id: coding.id).last)
        #expect(event.kind == .restored && event.oldSpan == coding.anchor.span && event.newSpan == restored.anchor.span)
    }
}
