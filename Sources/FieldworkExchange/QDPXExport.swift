import FieldworkCore
import FieldworkServices
import Foundation

/// `fieldwork export qdpx`: the workspace as a REFI-QDA project for ATLAS.ti, MAXQDA, NVivo,
/// QualCoder and other tools.
public struct QDPXExport: Sendable {
    public struct Summary: Sendable, Hashable {
        public var sources = 0
        public var codes = 0
        public var codings = 0
        /// Orphaned codings are left out: their offsets point into text that is gone.
        public var orphansSkipped = 0
        public var cases = 0
        public var notes = 0
        public var users = 0
        /// The consent rule applied and what it withheld (also in the project's description).
        public var consent = ExportMetadata(export: "qdpx", date: "")
    }

    let context: FieldworkContext

    public init(context: FieldworkContext) {
        self.context = context
    }

    /// The archive's bytes and what it holds.
    /// - Parameter positions: `.codePoints` (the standard) or `.utf16` (NVivo).
    public func archive(positions: PositionReading = .codePoints) async throws -> (data: Data, summary: Summary) {
        let name = context.workspace.root.lastPathComponent
        let snapshot = try await ProjectSnapshot.read(from: context.store, name: name.isEmpty ? "Fieldwork project" : name,
                                                      redactions: try context.workspace.redactions(), workspace: context.workspace)
        let output = ProjectXML.build(snapshot, positions: positions)
        // The entries carry the date of the last change, not of the export, so that exporting
        // an unchanged workspace again gives identical bytes.
        let date = snapshot.history?.modified ?? Date(timeIntervalSince1970: 315_619_200)  // 1980-01-02, the ZIP epoch
        let data = try QDPXArchive.data(project: output.document, files: output.files, date: date)
        var summary = Summary()
        summary.sources = snapshot.documents.count
        summary.codes = snapshot.codebook.codes.count
        summary.codings = snapshot.codings.count
        summary.orphansSkipped = snapshot.orphansSkipped
        summary.cases = snapshot.participants.count
        summary.notes = snapshot.memos.count + snapshot.codings.filter { !($0.memo ?? "").isEmpty }.count
        summary.users = snapshot.users.count
        summary.consent = snapshot.consent
        return (data, summary)
    }

    /// Writes the archive atomically and owner-only (see `ExportFile`).
    public func write(to url: URL, positions: PositionReading = .codePoints) async throws -> Summary {
        let (data, summary) = try await archive(positions: positions)
        try ExportFile.write(data, to: url)
        return summary
    }
}
