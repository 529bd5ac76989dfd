import Foundation

/// The files of a workspace that ingest reads, by role.
struct WorkspaceFiles {
    var corpus: [URL] = []
    var codebooks: [URL] = []
    var participants: URL?
    /// Device readings under `corpus/telemetry/`, taken in through `TelemetryImportService`.
    var telemetry: [URL] = []
    /// True when everything was listed (not just named paths), so vanished files can be reported.
    var isComplete = true

    /// Every Markdown file under `corpus/`, every codebook YAML, the participants file and the
    /// telemetry files.
    static func discover(in workspace: Workspace) -> WorkspaceFiles {
        var files = WorkspaceFiles()
        files.corpus = markdownFiles(under: workspace.corpus)
        files.telemetry = telemetryFiles(under: workspace.telemetryFolder)
        files.codebooks = codebookFiles(in: workspace.codebooks)
        if FileManager.default.fileExists(atPath: workspace.participantsFile.path) {
            files.participants = workspace.participantsFile
        }
        return files
    }

    /// Only the named files or folders; participants are always read (documents refer to them).
    static func named(_ paths: [String], in workspace: Workspace) throws -> WorkspaceFiles {
        var files = WorkspaceFiles()
        files.isComplete = false
        let all = discover(in: workspace)
        files.participants = all.participants
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: workspace.root).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw IngestError.noSuchPath(path)
            }
            let prefix = url.path + (isDirectory.boolValue ? "/" : "")
            let matches = { (candidate: URL) in candidate.path == url.path || candidate.path.hasPrefix(prefix) }
            files.corpus += all.corpus.filter(matches)
            files.telemetry += all.telemetry.filter(matches)
            // The codebook is one whole: naming any codebook file reloads all of them.
            if all.codebooks.contains(where: matches) { files.codebooks = all.codebooks }
        }
        return files
    }

    private static func markdownFiles(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { ["md", "markdown"].contains($0.pathExtension.lowercased()) && $0.lastPathComponent.lowercased() != "readme.md" }
            .map(\.standardizedFileURL)
            .sortedByPath()
    }

    /// SenML (`.senml.json`, `.json`, `.senml`) and CSV files, as `telemetry import` reads them
    /// by extension; anything else there (a README, notes) is not telemetry.
    private static func telemetryFiles(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        return enumerator.compactMap { $0 as? URL }
            .filter { ["json", "senml", "csv"].contains($0.pathExtension.lowercased()) }
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map(\.standardizedFileURL)
            .sortedByPath()
    }

    private static func codebookFiles(in folder: URL) -> [URL] {
        let contents = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return contents
            .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
            .filter { !CodebookParser.reservedFileNames.contains($0.lastPathComponent.lowercased()) }
            .map(\.standardizedFileURL)
            .sortedByPath()
    }
}

private extension Array where Element == URL {
    /// Sorted by path, each path worked out once: `URL.path` is computed on every call, and a
    /// sort comparing it took a tenth of re-ingesting 1,000 unchanged transcripts.
    func sortedByPath() -> [URL] {
        map { (path: $0.path, url: $0) }.sorted { $0.path < $1.path }.map(\.url)
    }
}

public enum IngestError: Error, CustomStringConvertible {
    case noSuchPath(String)

    public var description: String {
        switch self {
        case .noSuchPath(let path): "\(path): no such file or folder in the workspace"
        }
    }
}
