import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

@Suite struct IngestTests {
    let body = """
        **Intervjuare:** Hur ser en vanlig dag ut?

        **R14:** Jag vaknar tidigt och är rädd att ramla på natten.

        Sedan dricker jag kaffe med grannen.
        """

    @Test func ingestStoresDocumentsSegmentsParticipantsAndCodebook() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: body))
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty)
        #expect(summary.added == 1 && summary.failed == 0)
        #expect(summary.codes == 5 && summary.participants == 2)
        let counts = try await workspace.store.counts()
        #expect(counts.documents == 1 && counts.segments == 2 && counts.codes == 5 && counts.participants == 2)
        let segments = try await workspace.store.segments(documentID: "int-014")
        let text = try await workspace.plainText("int-014")
        #expect(segments.map(\.speaker) == ["Intervjuare", "R14"])
        #expect(text[segments[1].span] == "Jag vaknar tidigt och är rädd att ramla på natten.\n\nSedan dricker jag kaffe med grannen.")
        #expect(segments[1].lineStart == 13 && segments[1].lineEnd == 15)
        let participants = try await workspace.store.participants()
        #expect(participants.first?.consents.first?.scopes == [.interview, .quote, .telemetry])
    }

    @Test func reingestIsIdempotentAndSkipsUnchangedFiles() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: body))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "rädd att ramla")
        let again = try await workspace.ingest()
        #expect(again.added == 0 && again.updated == 0 && again.unchanged == 1)
        #expect(again.codes == nil && again.participants == nil)
        let counts = try await workspace.store.counts()
        #expect(counts.segments == 2 && counts.codings == 1)
    }

    @Test(.enabled(if: TestStore.isSQLite, "SQLite file behaviour: the file's permissions (PostgreSQL's files are the server's)"))
    func theDatabaseIsPrivateToItsOwner() async throws {
        let workspace = try await TemporaryWorkspace()
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.context.workspace.databasePath)
        let folder = try FileManager.default.attributesOfItem(atPath: workspace.context.workspace.stateDirectory.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect((folder[.posixPermissions] as? Int) == 0o700)
    }

    @Test func crlfBomAndDecomposedFilesGiveTheSameTextAsTheirCleanTwin() async throws {
        let workspace = try await TemporaryWorkspace()
        let clean = TemporaryWorkspace.interview(id: "clean", body: "**R14:** Är det säkert? 👩‍👩‍👧 👍🏽 Ja.\n\nNästa stycke.")
        let messy = TemporaryWorkspace.interview(id: "messy", body: "**R14:** Är det säkert? 👩‍👩‍👧 👍🏽 Ja.\n\nNästa stycke.")
            .decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r\n")
        try workspace.write("corpus/clean.md", clean)
        try workspace.write("corpus/messy.md", bytes: Data([0xEF, 0xBB, 0xBF]) + Data(messy.utf8))
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty)
        let cleanText = try await workspace.plainText("clean")
        let messyText = try await workspace.plainText("messy")
        #expect(cleanText == messyText)
        let segments = try await workspace.store.segments(documentID: "messy")
        #expect(segments.map(\.span) == (try await workspace.store.segments(documentID: "clean")).map(\.span))
        #expect(segments.first?.lineStart == 11)
        // "Är det säkert? " is 15 scalars; the family emoji is 5 scalars (three people, two ZWJ).
        let family = messyText.occurrences(of: Array("👩‍👩‍👧".unicodeScalars))
        #expect(family == [segments[0].start + 15])
    }

    @Test func aFileThatIsRemovedKeepsItsDocumentAndIsReported() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: body))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "kaffe")
        try workspace.remove("corpus/int-014.md")
        let summary = try await workspace.ingest()
        #expect(summary.missing == ["corpus/int-014.md"])
        #expect(try await workspace.store.counts().codings == 1)
    }

    @Test func namedPathsIngestOnlyThoseFiles() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/a.md", TemporaryWorkspace.interview(id: "a", body: body))
        try workspace.write("corpus/b.md", TemporaryWorkspace.interview(id: "b", body: body))
        let summary = try await workspace.ingest(["corpus/a.md"])
        #expect(summary.added == 1)
        #expect(try await workspace.store.documents().map(\.metadata.id) == ["a"])
        await #expect(throws: IngestError.self) { try await workspace.ingest(["corpus/nope.md"]) }
    }
}
