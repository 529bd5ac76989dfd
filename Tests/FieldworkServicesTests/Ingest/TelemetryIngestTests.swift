import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// Ingest takes in the telemetry files of `corpus/telemetry/` as `telemetry import` would, once
/// per content: the workspace's files are its truth, so a fresh store gets its readings back.
@Suite struct TelemetryIngestTests {
    /// R14 consents to telemetry; R15 has no such consent; R16 withdrew it on 2025-09-01.
    static let readings = """
        device,time,metric,value,unit
        r14-plug,2025-08-31T10:00:00Z,power,5,W
        r14-plug,2025-08-31T11:00:00Z,power,7,W
        r15-plug,2025-08-31T10:00:00Z,power,9,W
        r16-plug,2025-09-02T10:00:00Z,power,3,W

        """

    @Test func ingestTakesInAWorkspaceTelemetryFileUnderConsent() async throws {
        let workspace = try await TelemetryFixture.workspace()
        try workspace.write("corpus/telemetry/plugs.csv", Self.readings)
        let summary = try await workspace.ingest()
        #expect(summary.succeeded, "\(summary.problems)")
        let report = try #require(summary.telemetry.only)
        #expect(report.file == "corpus/telemetry/plugs.csv" && report.records == 4)
        #expect(report.stored == 2 && report.refused == 2)
        #expect(report.refusedByConsent == ["R15 has no consent to telemetry": 1,
                                            "R16 withdrew telemetry consent on 2025-09-01": 1])
        var query = TelemetrySummaryService.Query()
        query.device = "r14-plug"
        query.timeZone = TimeZone(identifier: "UTC")!
        let rows = try await workspace.context.telemetrySummary.summary(query).rows
        #expect(rows.map(\.start) == ["2025-08-31"] && rows.map(\.count) == [2])
        #expect(try await workspace.store.telemetryReadingCount() == 2)
        let imports = try await Self.importEntries(workspace)
        #expect(imports.map { $0.details["file"] } == ["plugs.csv"])
        #expect(imports.first?.details["stored"] == "2" && imports.first?.details["refused"] == "2")
    }

    @Test func anUnchangedFileIsSkippedAndAChangedOneImportedAgain() async throws {
        let workspace = try await TelemetryFixture.workspace()
        try workspace.write("corpus/telemetry/plugs.csv", Self.readings)
        try await workspace.ingest()
        let again = try await workspace.ingest()
        #expect(again.succeeded && again.telemetry.isEmpty && again.telemetryUnchanged == 1)
        #expect(try await Self.importEntries(workspace).count == 1)

        try workspace.write("corpus/telemetry/plugs.csv", Self.readings + "r14-plug,2025-08-31T12:00:00Z,power,11,W\n")
        let changed = try await workspace.ingest()
        let report = try #require(changed.telemetry.only)
        #expect(report.stored == 1 && report.alreadyStored == 2 && changed.telemetryUnchanged == 0)
        #expect(try await workspace.store.telemetryReadingCount() == 3)
        #expect(try await Self.importEntries(workspace).count == 2)
        // --rehash reads the file again and still finds it taken in.
        let rehashed = try await workspace.ingest(rehash: true)
        #expect(rehashed.telemetry.isEmpty && rehashed.telemetryUnchanged == 1)
    }

    /// A file whose size and modification time are those recorded with its import is not read
    /// (a pilot's export of millions of readings is not read through on every ingest), as corpus
    /// files are not; `--rehash` reads it. A file touched but unchanged is read once, found the
    /// same and restamped, so the next ingest does not read it.
    @Test func aFileWithItsRecordedStampIsNotReadUntilRehash() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let path = "corpus/telemetry/plugs.csv"
        let url = workspace.root.appending(path: path)
        let anHourAgo = (Int64(Date().timeIntervalSince1970) - 3600) * 1_000_000_000 + 123_456_789
        try workspace.write(path, Self.readings)
        try FileTimes.setModified(url, nanoseconds: anHourAgo)
        #expect(try await workspace.ingest().telemetry.map(\.file) == [path])
        #expect(try await workspace.store.telemetryImportedFiles()[path]?.stamp
                    == FileStamp(size: Int64(Self.readings.utf8.count), modifiedNanoseconds: anHourAgo))

        // Other readings, same size, the old modification time put back: not read, so not seen.
        let edited = Self.readings.replacingOccurrences(of: "power,7,W", with: "power,8,W")
        try workspace.write(path, edited)
        try FileTimes.setModified(url, nanoseconds: anHourAgo)
        let quick = try await workspace.ingest()
        #expect(quick.telemetry.isEmpty && quick.telemetryUnchanged == 1)
        let rehashed = try await workspace.ingest(rehash: true)
        #expect(rehashed.telemetry.map(\.file) == [path] && rehashed.telemetryUnchanged == 0)

        // Touched, same bytes: read, nothing imported, the new stamp recorded...
        let halfAnHourAgo = anHourAgo + 1_800_000_000_000
        try FileTimes.setModified(url, nanoseconds: halfAnHourAgo)
        let touched = try await workspace.ingest()
        #expect(touched.telemetry.isEmpty && touched.telemetryUnchanged == 1)
        #expect(try await workspace.store.telemetryImportedFiles()[path]?.stamp?.modifiedNanoseconds == halfAnHourAgo)
        // ...so that other bytes under that stamp are not read either.
        try workspace.write(path, Self.readings)
        try FileTimes.setModified(url, nanoseconds: halfAnHourAgo)
        let afterTouch = try await workspace.ingest()
        #expect(afterTouch.telemetry.isEmpty && afterTouch.telemetryUnchanged == 1)
        #expect(try await Self.importEntries(workspace).count == 2)
    }

    @Test func aBadFileIsAProblemAtItsLineStoresNothingAndTheOthersGoOn() async throws {
        let workspace = try await TelemetryFixture.workspace()
        try workspace.write("corpus/telemetry/bad.csv", """
            device,time,metric,value,unit
            r14-door,2025-08-30T10:00:00Z,open,1,
            r14-door,yesterday,open,0,

            """)
        try workspace.write("corpus/telemetry/good.csv", Self.readings)
        try workspace.write("corpus/interviews/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Hej."))
        let summary = try await workspace.ingest()
        #expect(!summary.succeeded)
        #expect(summary.problems.map(\.location.description) == ["corpus/telemetry/bad.csv:3"], "\(summary.problems)")
        #expect(summary.telemetry.map(\.file) == ["corpus/telemetry/good.csv"])
        #expect(summary.added == 1)
        #expect(try await workspace.store.telemetryReadings(device: "r14-door", metrics: nil, from: nil, to: nil).isEmpty)
        #expect(try await workspace.store.telemetryReadingCount() == 2)
        // Not remembered: once mended, the next ingest takes it in.
        try workspace.write("corpus/telemetry/bad.csv", "device,time,metric,value,unit\nr14-door,2025-08-30T10:00:00Z,open,1,\n")
        let mended = try await workspace.ingest()
        #expect(mended.succeeded && mended.telemetry.map(\.file) == ["corpus/telemetry/bad.csv"] && mended.telemetryUnchanged == 1)
    }

    @Test func aNamedPathTakesInJustThatFileAndOnlyTelemetryFilesAreRead() async throws {
        let workspace = try await TelemetryFixture.workspace()
        try workspace.write("corpus/telemetry/a.csv", Self.readings)
        try workspace.write("corpus/telemetry/2025/door.senml.json",
                            #"[{"bn":"r14-door/","n":"open","v":1,"t":1756684800}]"#)
        try workspace.write("corpus/telemetry/.partial.csv", "not, a, telemetry, file\n")
        try workspace.write("corpus/telemetry/notes.txt", "where the sensors hang\n")
        let named = try await workspace.ingest(["corpus/telemetry/2025/door.senml.json"])
        #expect(named.succeeded, "\(named.problems)")
        #expect(named.telemetry.map(\.file) == ["corpus/telemetry/2025/door.senml.json"])
        let all = try await workspace.ingest()
        #expect(all.succeeded, "\(all.problems)")
        #expect(all.telemetry.map(\.file) == ["corpus/telemetry/a.csv"] && all.telemetryUnchanged == 1)
    }

    @Test func aFileTakenInByTelemetryImportIsNotImportedAgainByIngest() async throws {
        let workspace = try await TelemetryFixture.workspace()
        _ = try await TelemetryFixture.importFile(workspace, "plugs.csv", Self.readings)
        let summary = try await workspace.ingest()
        #expect(summary.telemetry.isEmpty && summary.telemetryUnchanged == 1)
    }

    @Test func whileTheRegisterHasAProblemNoTelemetryIsTakenIn() async throws {
        let workspace = try await TelemetryFixture.workspace()
        try workspace.write("corpus/telemetry/plugs.csv", Self.readings)
        try workspace.write("corpus/participants.yaml", "participants:\n  - id: [R14\n")
        let summary = try await workspace.ingest()
        #expect(summary.problems.contains { $0.location.file == "corpus/telemetry" && $0.message.contains("participants.yaml") })
        #expect(summary.telemetry.isEmpty)
        #expect(try await workspace.store.telemetryReadingCount() == 0)
    }

    static func importEntries(_ workspace: TemporaryWorkspace) async throws -> [AuditEntry] {
        try await workspace.context.audit.entries().filter { $0.action == .import && $0.details["kind"] == "telemetry" }
    }
}

private extension Array {
    /// The one element, or nil if there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
