import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the workspace database by a backup made with `fieldwork backup`.",
        discussion: """
            The backup is checked first (integrity, a Fieldwork database, not from a newer version); \
            without --yes nothing is changed and what would be replaced is shown. On a PostgreSQL store the \
            file is a pg_dump custom-format dump, restored by pg_restore and psql in one transaction. The codings files in \
            codings/ are not touched: the next ingest merges them into the restored database by version.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("The backup file.", valueName: "FILE"))
    var file: String

    @Flag(help: "Replace the database without asking.")
    var yes = false

    func run() async throws {
        let context = try workspace.open()
        // From the current folder when it is there, else inside the workspace, as every file a command reads.
        // Read first: a file that is not there (or no backup) is said before anything about a server.
        let url = workspace.inputFile(file)
        let backup = try await context.backups.inspect(url)
        // A running server holds codings in memory and writes them back over the restored
        // database: refuse while one serves the workspace, and keep one from starting meanwhile.
        let lock: ServerLock
        do {
            lock = try ServerLock.exclusive(context.workspace, for: "`fieldwork restore`")
        } catch let error as ServerLockError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
        defer { withExtendedLifetime(lock) {} }
        try await context.backups.refuseErased(url, erased: ErasedList.load(context.workspace))
        guard yes else {
            // What would be replaced, and nothing more: not an error, but not done either (exit 1,
            // so a script that forgot --yes stops here). README, "Backup and restore".
            let current = try await context.store.counts()
            printError("""
                restore would replace this workspace's database (\(current.documents) documents, \(current.codings) codings) \
                by the backup (\(BackupDescription.text(backup))); nothing was changed: run again with --yes to restore
                """)
            throw ExitCode.failure
        }
        let summary = try await context.backups.restore(from: url)
        // Recorded after the restore, so the restored database's audit head moves to this entry.
        try await context.recordImport("backup", from: url, counts: [
            "documents": summary.documents, "codings": summary.codings, "memos": summary.memos, "readings": summary.readings,
        ])
        print("restored \(url.path): \(BackupDescription.text(summary))")
        print("next: `fieldwork ingest` brings in corpus and codings files changed since the backup")
    }
}
