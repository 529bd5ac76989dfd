import ArgumentParser
import FieldworkServices
import Foundation

/// `--workspace DIR`, shared by every command that works in a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder.", valueName: "DIR"))
    var workspace: String = ProcessInfo.processInfo.environment["FIELDWORK_WORKSPACE"] ?? "."

    @Option(name: .long, help: ArgumentHelp(
        "A PostgreSQL database for the workspace's study instead of its SQLite file (also `store:` in fieldwork.yaml, or $FIELDWORK_STORE); the password from PGPASSWORD.",
        valueName: "postgresql://USER@HOST[:PORT]/DATABASE"))
    var store: String?

    var url: URL { URL(fileURLWithPath: workspace, isDirectory: true) }

    /// A file named on the command line: as given from the current folder when it is there, else
    /// inside the workspace, where `--out` paths go too, so that a README command with
    /// `--workspace DIR` and a path like `corpus/telemetry/….json` works from any folder.
    func inputFile(_ path: String) -> URL {
        let here = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        guard !FileManager.default.fileExists(atPath: here.path) else { return here }
        let inWorkspace = URL(fileURLWithPath: path, relativeTo: url).standardizedFileURL
        return FileManager.default.fileExists(atPath: inWorkspace.path) ? inWorkspace : here
    }

    /// Opens the workspace and its database; a folder that is not a workspace is a usage error.
    func open(serving: Bool = false, backgroundCheckpoints: Bool = false) throws -> FieldworkContext {
        let workspace = try openWorkspace()
        let store = store ?? ProcessInfo.processInfo.environment["FIELDWORK_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        if let store, !(store.hasPrefix("postgresql://") || store.hasPrefix("postgres://")) {
            throw ValidationError("--store must be a postgresql:// URL (without it, the workspace's own SQLite file is used)")
        }
        return try FieldworkContext.open(workspace, serving: serving, storeURL: store, backgroundCheckpoints: backgroundCheckpoints)
    }

    /// The workspace's store when it has one (its SQLite file, or a PostgreSQL database named by
    /// --store, $FIELDWORK_STORE or fieldwork.yaml), never creating one: for commands that read
    /// the store when there is one and work without it too (`check`).
    func openIfStored() throws -> FieldworkContext? {
        let root = Workspace(root: url)
        let named = store ?? ProcessInfo.processInfo.environment["FIELDWORK_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        guard named != nil || (try? root.settings().store) != nil || FileManager.default.fileExists(atPath: root.databasePath) else {
            return nil
        }
        return try open()
    }

    /// The workspace without opening a store (`store copy` opens both sides itself), with the
    /// person acting set; a folder that is not a workspace is a usage error.
    func openWorkspace() throws -> Workspace {
        let workspace = Workspace(root: url)
        guard workspace.exists else {
            throw ValidationError("\(self.workspace) is not a Fieldwork workspace (no corpus/ or codebooks/); create one with `fieldwork init DIR`")
        }
        // Who this command acts as: the audit log's name and the access to restricted material.
        Acting.setProcess(Acting(coder: Acting.environmentCoder, access: try AccessPolicyFile.load(workspace)))
        return workspace
    }
}

/// `--json` for commands that can print machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
