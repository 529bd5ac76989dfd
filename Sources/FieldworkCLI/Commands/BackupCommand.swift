import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the workspace database to one file while it is in use (SQLite online backup, or pg_dump -Fc).",
        discussion: """
            Safe while `fieldwork serve` runs: the copy is one consistent moment. The file is owner-only \
            (it holds transcript text). On a PostgreSQL store it is a pg_dump custom-format file, made with \
            Debian's pg_dump. Restore it with `fieldwork restore FILE --yes`.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("The backup file (relative paths are inside the workspace).", valueName: "FILE"))
    var out: String
    @Flag(help: "Replace FILE if it exists (by default an existing file is never overwritten).")
    var force = false

    func run() async throws {
        let context = try workspace.open()
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        let summary: StoreBackupSummary
        do {
            summary = try await context.backups.backup(to: url, replacing: force)
        } catch let error as ExportFileExists {
            throw BackupFileExists(path: error.path)
        }
        // A backup holds every transcript: it leaves the workspace like any export.
        try await context.recordExport("backup", to: url, counts: [
            "documents": summary.documents, "codings": summary.codings, "memos": summary.memos, "readings": summary.readings,
        ])
        if output.json {
            try JSONOutput.print(summary)
        } else {
            print("backed up to \(url.path): \(BackupDescription.text(summary))")
        }
    }
}

/// `backup --out FILE` found FILE there: an older backup is not replaced unasked.
struct BackupFileExists: Error, CustomStringConvertible {
    let path: String

    var description: String { "\(path) exists; use --force to replace it (nothing was written)" }
}

/// One line about a backup's content, shared by backup and restore.
enum BackupDescription {
    static func text(_ summary: StoreBackupSummary) -> String {
        [(summary.documents, "document"), (summary.codings, "coding"), (summary.memos, "memo"), (summary.readings, "reading")]
            .map { EnglishCount.of($0.0, $0.1) }.joined(separator: ", ") + "; schema \(summary.schema); \(EnglishCount.of(Int(summary.bytes), "byte"))"
    }
}
