import Foundation

/// A folder with `corpus/`, `codebooks/`, `exports/` and the database in `.fieldwork/`.
public struct Workspace: Sendable, Hashable {
    public let root: URL

    public init(root: URL) {
        // A directory URL (trailing slash), so that paths resolve inside it, not beside it.
        self.root = URL(filePath: root.standardizedFileURL.path, directoryHint: .isDirectory)
    }

    public var corpus: URL { root.appending(path: "corpus", directoryHint: .isDirectory) }
    public var codebooks: URL { root.appending(path: "codebooks", directoryHint: .isDirectory) }
    public var exports: URL { root.appending(path: "exports", directoryHint: .isDirectory) }
    /// Each person's codings and memos as JSON Lines (`CodingLedger`): what a team shares.
    public var codingsFolder: URL { root.appending(path: "codings", directoryHint: .isDirectory) }
    public var stateDirectory: URL { root.appending(path: ".fieldwork", directoryHint: .isDirectory) }
    public var databasePath: String { stateDirectory.appending(path: "fieldwork.sqlite").path }
    public var participantsFile: URL { corpus.appending(path: "participants.yaml") }
    /// Device readings (SenML, CSV) that ingest takes in (`telemetry import` takes any file).
    public var telemetryFolder: URL { corpus.appending(path: "telemetry", directoryHint: .isDirectory) }

    /// Whether the folder looks like a workspace (it has a corpus or a codebook folder).
    public var exists: Bool {
        let manager = FileManager.default
        return manager.fileExists(atPath: corpus.path) || manager.fileExists(atPath: codebooks.path)
    }

    /// The path of `url` relative to the workspace root, as used in messages and the store.
    public func relativePath(of url: URL) -> String {
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
    }

    public func url(forRelativePath path: String) -> URL {
        root.appending(path: path)
    }

    /// Creates an empty workspace: the folders, a starter codebook and participants file, and
    /// the private state folder.
    /// - Parameter store: a PostgreSQL URL to name in a new `fieldwork.yaml` (`store:`), for a
    ///   team server's study; nil keeps the workspace's own SQLite file.
    public static func create(at root: URL, store: String? = nil) throws -> Workspace {
        let workspace = Workspace(root: root)
        let manager = FileManager.default
        for folder in [workspace.corpus, workspace.codebooks, workspace.exports] {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try manager.createDirectory(at: workspace.stateDirectory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o700])
        try writeIfMissing(workspace.participantsFile, "participants: []\n")
        // An empty codebook only where there is none: beside a study's own, it was a second one.
        let codebooks = (try? manager.contentsOfDirectory(atPath: workspace.codebooks.path)) ?? []
        if !codebooks.contains(where: { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }) {
            try writeIfMissing(workspace.codebooks.appending(path: "codebook.yaml"), """
                title: Codebook
                codes: []
                """ + "\n")
        }
        // The audit log is this machine's record: a copy shared through git would fork its hash
        // chain at every merge (README, "Audit").
        try writeIfMissing(workspace.root.appending(path: ".gitignore"), ".fieldwork/\nexports/\naudit/\n")
        if let store {
            // Double-quoted: a URL's `?`, `&` and `#` stay part of the value.
            let quoted = store.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            try writeIfMissing(workspace.settingsFile, "# The study's database (the password: PGPASSWORD, never here).\nstore: \"\(quoted)\"\n")
        }
        return workspace
    }

    private static func writeIfMissing(_ url: URL, _ contents: String) throws {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try contents.write(to: url, atomically: true, encoding: .utf8)
    }
}
