import Foundation

/// Writes an export atomically (a temporary file renamed into place), so a reader never sees
/// half a file and a failed export leaves the previous one intact.
public enum ExportFile {
    public static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: [.atomic])
    }
}
