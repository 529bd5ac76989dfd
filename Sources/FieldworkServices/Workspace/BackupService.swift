import FieldworkCore
import Foundation

/// `fieldwork backup` and `fieldwork restore`: the workspace database as one file.
///
/// The codings files (`codings/*.jsonl`), the corpus and the codebook are text in the workspace
/// and are kept by git or the file share; the backup covers what lives only in the database:
/// coding history, telemetry, need links, and the index itself.
public struct BackupService: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    private var backups: any StoreBackup {
        get throws {
            guard let backups = store as? any StoreBackup else {
                throw StoreBackupError(path: "store", problem: "this store cannot be backed up by Fieldwork")
            }
            return backups
        }
    }

    /// Writes the backup to `url` atomically and owner-only: a backup cut short leaves no file
    /// there (and the previous backup of that name intact). `replacing` false: an existing file
    /// is left as it is (`ExportFileExists`), so an older backup is not lost to a slip of the name.
    public func backup(to url: URL, replacing: Bool = false) async throws -> StoreBackupSummary {
        let backups = try backups
        return try await ExportFile.write(to: url, replacing: replacing) { temporary in try await backups.backup(toNewFile: temporary.path) }
    }

    public func inspect(_ url: URL) async throws -> StoreBackupSummary {
        try await backups.inspectBackup(at: url.path)
    }

    /// A backup made before an erasure holds the erased participant's words (and telemetry):
    /// restoring it would bring them back, so it is refused, naming whom by pseudonym only.
    public func refuseErased(_ url: URL, erased: Set<String>) async throws {
        guard !erased.isEmpty else { return }
        let held = try await backups.participantIDs(inBackupAt: url.path).intersection(erased).sorted()
        guard held.isEmpty else {
            throw StoreBackupError(path: url.path, problem: "holds \(held.joined(separator: ", ")), erased since it was made "
                                   + "(\(ErasedList.relativePath)); restoring it would bring their words back, so nothing was changed")
        }
    }

    public func restore(from url: URL) async throws -> StoreBackupSummary {
        try await backups.restore(fromFile: url.path)
    }
}
