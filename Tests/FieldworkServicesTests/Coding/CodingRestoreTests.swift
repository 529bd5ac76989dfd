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
        #expect(try await workspace.store.coding(id: coding.id) == restored)
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

        // The transcript changed at its place since the removal: its words are no longer there.
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Larmet tjuter på natten och jag ringer."))
        try await workspace.ingest()
        await #expect(throws: StoreError.self) { try await service.restore(id: coding.id, by: "anna") }
        #expect(try await workspace.store.coding(id: coding.id) == nil, "a refused restore changes nothing")
        #expect(try await service.history(id: coding.id).map(\.kind) == [.created, .removed])
    }
}
