import FieldworkCore
import FieldworkPostgres
import FieldworkStore
import Foundation

/// `fieldwork init EXISTING --store URL` names a PostgreSQL database in a workspace that may
/// already hold its study in its own SQLite file. Naming an empty database there left the study
/// (documents, codings, accounts) behind while saying "nothing in it was replaced", and the next
/// `serve` ran in token mode without the accounts. Moving a study is `fieldwork store copy --to`;
/// once it has moved (the database holds a study), naming the database is what comes next.
public enum StoreSwitchCheck {
    /// Throws `StudyLeftBehind` when the workspace's SQLite file holds a study and the database
    /// at `url` holds none; reads the database only when the file holds something.
    public static func refuseLeavingStudyBehind(_ workspace: Workspace, for url: String) async throws {
        guard FileManager.default.fileExists(atPath: workspace.databasePath) else { return }
        let local = SQLiteStore(try AppDatabase.open(path: workspace.databasePath))
        let held = try await local.transferCounts().filter { $0.value > 0 }
        guard !held.isEmpty else { return }
        let target = try await PostgresStore.connect(url: url)
        defer { target.close() }
        guard try await target.transferCounts().values.allSatisfy({ $0 == 0 }) else { return }
        throw StudyLeftBehind(workspace: workspace, url: url, held: held)
    }
}

/// The workspace's SQLite file holds a study and the database named for it holds none.
public struct StudyLeftBehind: Error, CustomStringConvertible, Sendable {
    let workspace: Workspace
    let url: String
    let held: [String: Int]

    public var description: String {
        // What a person counts a study by; the rest (segments, source file states…) only when there is nothing else.
        let named = ["document", "coding", "memo", "participant", "account", "reading"]
        let shown = TransferTable.study.filter { named.contains($0.name) && held[$0.name] != nil }
        let counts = (shown.isEmpty ? TransferTable.study : shown).compactMap { table in held[table.name].map { "\($0) \(table.noun)" } }
        let file = workspace.relativePath(of: URL(fileURLWithPath: workspace.databasePath))
        return "this workspace's study is in its SQLite file (\(file): \(counts.joined(separator: ", "))) and \(url) holds none: "
            + "naming that database would leave the study behind; move it first with `fieldwork --workspace \(workspace.root.path) "
            + "store copy --to \(url)`, then run this again (the workspace was not changed)"
    }
}
