import FieldworkCore
import Foundation

/// Ingest's warnings about recordings (`media:` in front matter) that cannot be played: the
/// file is not there, or it lies outside the workspace. A warning, not a failure: the
/// transcript is ingested and coded as usual, and the page says the recording is missing.
/// Every run checks every document, so a recording moved away later is reported too.
enum RecordingWarnings {
    static func check(_ documents: [DocumentSummary], in workspace: Workspace) -> [SourceProblem] {
        documents.compactMap { summary -> SourceProblem? in
            guard let media = summary.metadata.media else { return nil }
            let message: String
            switch DocumentRecording.locate(media, in: workspace) {
            case .missing:
                message = "recording '\(media)' (media) not found in the workspace; the page will say it is missing"
            case .refused:
                message = "recording '\(media)' (media) leads out of the workspace (a symbolic link?); it is never served"
            default:
                return nil
            }
            return SourceProblem(file: summary.path, line: line(of: media, in: workspace.url(forRelativePath: summary.path)), message)
        }
    }

    /// The line of the front matter's `media:` key, read again only for a file with a warning.
    private static func line(of media: String, in file: URL) -> Int {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return 1 }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingSpaces.hasPrefix("media:") {
            return index + 1
        }
        return 1
    }
}
