import Foundation

/// Writes an export atomically (a temporary file renamed into place), so a reader never sees
/// half a file and a failed export leaves the previous one intact.
public enum ExportFile {
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: [.atomic])
    }
}
