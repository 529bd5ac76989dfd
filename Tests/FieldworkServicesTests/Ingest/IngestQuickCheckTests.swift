import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// Re-ingest trusts a corpus file whose size and modification time are those recorded at its
/// last ingest (`FileStamp`), on every store.
@Suite struct IngestQuickCheckTests {
    let path = "corpus/int-014.md"
    let text = TemporaryWorkspace.interview(body: "**R14:** Jag dricker kaffe med grannen.")
    /// An hour ago, with nanoseconds: older than the window in which a stamp is not trusted.
    let anHourAgo = (Int64(Date().timeIntervalSince1970) - 3600) * 1_000_000_000 + 123_456_789

    @Test func aFileWithItsRecordedStampIsNotReadUntilRehash() async throws {
        let workspace = try await TemporaryWorkspace()
        let url = workspace.root.appending(path: path)
        try workspace.write(path, text)
        try FileTimes.setModified(url, nanoseconds: anHourAgo)
        #expect(try await workspace.ingest().added == 1)
        let stamp = try #require(try await workspace.store.sourceFiles()[path]?.stamp)
        #expect(stamp == FileStamp(size: Int64(text.utf8.count), modifiedNanoseconds: anHourAgo))

        // Other bytes, same size, the old modification time put back: not read, so not seen.
        let edited = text.replacingOccurrences(of: "kaffe", with: "KAFFE")
        #expect(edited.utf8.count == text.utf8.count)
        try workspace.write(path, edited)
        try FileTimes.setModified(url, nanoseconds: anHourAgo)
        let quick = try await workspace.ingest()
        #expect(quick.unchanged == 1 && quick.updated == 0)
        #expect(try await storedText(workspace).contains("kaffe"))

        // --rehash reads every file and finds the change.
        let forced = try await workspace.ingest(rehash: true)
        #expect(forced.updated == 1 && forced.unchanged == 0)
        #expect(try await storedText(workspace).contains("KAFFE"))
    }

    @Test func aTouchedFileIsHashedAndAChangedOneIngested() async throws {
        let workspace = try await TemporaryWorkspace()
        let url = workspace.root.appending(path: path)
        try workspace.write(path, text)
        // Modified within the last few seconds (here: a day ahead, so however slow the run; a
        // minute ahead was not enough for a PostgreSQL pass on a loaded machine): its stamp is
        // not trusted yet, so none is recorded (it is hashed next time).
        let aDayAhead = (Int64(Date().timeIntervalSince1970) + 86_400) * 1_000_000_000
        try FileTimes.setModified(url, nanoseconds: aDayAhead)
        #expect(try await workspace.ingest().added == 1)
        #expect(try await workspace.store.sourceFiles()[path]?.stamp == nil)

        // Same bytes, another modification time: hashed, nothing re-ingested, the new stamp recorded.
        try FileTimes.setModified(url, nanoseconds: anHourAgo)
        let touched = try await workspace.ingest()
        #expect(touched.unchanged == 1 && touched.updated == 0)
        #expect(try await workspace.store.sourceFiles()[path]?.stamp?.modifiedNanoseconds == anHourAgo)

        // Another size (same modification time): read and re-ingested.
        try workspace.write(path, text.replacingOccurrences(of: "kaffe", with: "te"))
        try FileTimes.setModified(url, nanoseconds: anHourAgo)
        let changed = try await workspace.ingest()
        #expect(changed.updated == 1)
        #expect(try await storedText(workspace).contains("dricker te"))
        #expect(try await workspace.store.sourceFiles()[path]?.stamp?.size == Int64(text.utf8.count - 3))
    }

    private func storedText(_ workspace: TemporaryWorkspace) async throws -> String {
        try await workspace.store.document(id: "int-014")?.plainText ?? ""
    }
}
