import ArgumentParser
import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation

/// `fieldwork check FILE...`: reads files with the parsers ingest and import use, before they
/// are ingested or imported, and names file, line and problem of whatever is wrong.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check workspace files (transcripts, codebook and register YAML, codings, telemetry, REFI-QDA XML) without ingesting them.",
        discussion: """
            The kind of each file comes from its place and name (corpus/*.md, codebooks/*.yaml, \
            corpus/participants.yaml, codings/*.jsonl, *.senml.json, *.csv, *.vtt, *.srt, *.qde, *.qdc); \
            --as names it. References (speakers, a device's participant and solution, codebook \
            parents) are checked against the workspace, and a document's id also against the documents \
            already ingested when the workspace has a database (read only). Exit status 1 if any file has a problem.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("as"), help: ArgumentHelp("Read every file as this kind: \(kindNames).", valueName: "KIND"))
    var kind: String?

    @Argument(help: ArgumentHelp("The files to check.", valueName: "FILE"))
    var files: [String]

    static var kindNames: String { (WorkspaceFileKind.allCases.map(\.rawValue) + ["refi-qda"]).joined(separator: ", ") }

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to check") }
        if let kind, kind != "refi-qda", WorkspaceFileKind(rawValue: kind) == nil {
            throw ValidationError("unknown kind '\(kind)'; one of: \(Self.kindNames)")
        }
    }

    func run() async throws {
        let root = Workspace(root: workspace.url)
        let ingested = await ingestedFiles(in: root)
        var failed = 0
        for file in files {
            let url = resolve(file)
            let path = root.relativePath(of: url)
            do {
                var warnings: [SourceProblem] = []
                print("ok \(path): \(try check(url, path: path, in: root, ingested: ingested, warnings: &warnings))")
                warnings.forEach { printError("warning: \($0)") }
            } catch let problems as SourceProblems {
                failed += 1
                problems.problems.forEach { printError($0.description) }
            } catch {
                failed += 1
                printError("\(error)")
            }
        }
        if failed > 0 {
            printError("\(failed) of \(files.count) file\(files.count == 1 ? "" : "s") with problems")
            throw ExitCode.failure
        }
    }

    /// The workspace's file first (check is about workspace files: from inside another
    /// workspace, such as this repository, `codebooks/x.yaml` means the one being checked), then
    /// the file as given from the current folder (`study/corpus/…` from the folder above).
    private func resolve(_ file: String) -> URL {
        let inWorkspace = URL(fileURLWithPath: file, relativeTo: workspace.url).standardizedFileURL
        return FileManager.default.fileExists(atPath: inWorkspace.path) ? inWorkspace : workspace.inputFile(file)
    }

    /// The store's source files when a document is checked and the workspace has a database:
    /// ingest keeps an ingested document's id for its file, whatever the path order of a new
    /// file declaring it ("ok" before, then ingest refused the file). Read only; without a
    /// database (or if it cannot be read, said on stderr) the files alone are compared.
    private func ingestedFiles(in root: Workspace) async -> [String: SourceFileState] {
        let documents = files.contains { file in
            kind.map { $0 == WorkspaceFileKind.document.rawValue }
                ?? (WorkspaceFileKind.infer(path: root.relativePath(of: resolve(file))) == .document)
        }
        guard documents else { return [:] }
        do {
            return try await workspace.openIfStored()?.store.sourceFiles() ?? [:]
        } catch {
            printError("note: ids not compared with the ingested documents: \(error)")
            return [:]
        }
    }

    private func check(_ url: URL, path: String, in workspace: Workspace, ingested: [String: SourceFileState],
                       warnings: inout [SourceProblem]) throws -> String {
        let data = try SourceText.load(url, path: path)
        if kind == "refi-qda" || (kind == nil && ExchangeFileCheck.extensions.contains(url.pathExtension.lowercased())) {
            return try ExchangeFileCheck.check(data, path: path)
        }
        guard let kind = kind.flatMap(WorkspaceFileKind.init(rawValue:)) ?? WorkspaceFileKind.infer(path: path) else {
            throw SourceProblem(file: path, line: 0, "cannot tell what kind of file this is; name it with --as (\(Self.kindNames))")
        }
        return try WorkspaceFileCheck.context(of: workspace, excluding: path, ingested: ingested)
            .check(data, as: kind, path: path, warnings: &warnings)
    }
}
