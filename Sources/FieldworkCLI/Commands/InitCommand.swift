import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty workspace (corpus/, codebooks/, exports/, a private database).",
        discussion: "With --store the study's database is that PostgreSQL database instead: it is migrated first, and the workspace's fieldwork.yaml names it (store:).")

    @Argument(help: ArgumentHelp("Folder to create the workspace in.", valueName: "DIR"))
    var directory: String

    /// Its `--store` (parsed with the top command's, whose key it shares): the study's
    /// PostgreSQL database, migrated now and written to fieldwork.yaml. `--workspace` is the DIR.
    @OptionGroup var workspace: WorkspaceOptions

    private var store: String? { workspace.store }

    func validate() throws {
        guard let store else { return }
        guard store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") else {
            throw ValidationError("--store must be a postgresql:// URL (without it, the workspace's own SQLite file is used)")
        }
        // fieldwork.yaml is shared with the team (git, a file share); a password is not.
        guard URLComponents(string: store)?.password == nil else {
            throw ValidationError("--store: the URL holds a password, which would be written to fieldwork.yaml; give it in PGPASSWORD instead")
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let existing = Workspace(root: root)
        let existed = [existing.corpus, existing.codebooks, existing.stateDirectory].contains { FileManager.default.fileExists(atPath: $0.path) }
        if let store {
            let settingsFile = Workspace(root: root).settingsFile
            if FileManager.default.fileExists(atPath: settingsFile.path) {
                let configured = try WorkspaceSettings.load(Workspace(root: root)).store
                guard configured == store else {
                    printError("Error: \(settingsFile.path) exists already and names "
                               + (configured.map { "another store (\($0))" } ?? "no store") + "; set `store:` in it by hand")
                    throw ExitCode.failure
                }
            }
            // The database first: a server that cannot be reached leaves no workspace behind.
            do {
                try await FieldworkContext.prepare(storeURL: store)
            } catch {
                printError("Error: --store \(store): \(error); no workspace was created")
                throw ExitCode.failure
            }
            // A study in the workspace's own SQLite file is moved with `store copy`, not left behind.
            if existed {
                do {
                    try await StoreSwitchCheck.refuseLeavingStudyBehind(existing, for: store)
                } catch let error as StudyLeftBehind {
                    printError("Error: \(error)")
                    throw ExitCode.failure
                }
            }
        }
        let workspace = try Workspace.create(at: root, store: store)
        if store == nil {
            let context = try FieldworkContext.open(workspace)
            _ = try await context.store.counts()
        }
        if existed {
            // Said "Created workspace" over a study: nothing was replaced, only missing parts added.
            print("Workspace \(workspace.root.path) exists already; nothing in it was replaced (missing folders were added)"
                  + (store.map { "; its study is in \($0), named in \(WorkspaceSettings.fileName)" } ?? ""))
            return
        }
        print("Created workspace \(workspace.root.path)" + (store.map { " (study in \($0), named in \(WorkspaceSettings.fileName))" } ?? ""))
        print("Next: add Markdown files to corpus/, codes to codebooks/, then `fieldwork --workspace \(directory) ingest`.")
    }
}
