import FieldworkCore
import Foundation

/// Reads a transcript file by its extension: `.vtt`, `.srt`, `.txt` directly (strict UTF-8, BOM,
/// CRLF and NFC handled as for corpus files), `.docx` and `.odt` through pandoc.
public enum TranscriptReader {
    public static let extensions = ["docx", "odt", "vtt", "srt", "txt"]

    /// The transcript and a name for its format, as the import reports it.
    public static func read(_ url: URL, displayPath: String) async throws -> (transcript: Transcript, format: String) {
        switch url.pathExtension.lowercased() {
        case "vtt":
            return (try WebVTTParser.parse(try text(url, displayPath), file: displayPath), "WebVTT")
        case "srt":
            return (try SubRipParser.parse(try text(url, displayPath), file: displayPath), "SubRip")
        case "txt":
            return (PlainTranscriptParser.parse(try text(url, displayPath)), "text")
        case "docx", "odt":
            let format = url.pathExtension.lowercased()
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw SourceProblem(file: displayPath, line: 0, "cannot read the file")
            }
            let plain = try await PandocConverter.plainText(of: url, format: format, displayPath: displayPath)
            return (PlainTranscriptParser.parse(plain), format == "docx" ? "Word" : "LibreOffice")
        default:
            throw SourceProblem(file: displayPath, line: 0,
                                "unknown transcript format '.\(url.pathExtension)' (use one of: "
                                    + extensions.map { "." + $0 }.joined(separator: ", ") + ")")
        }
    }

    private static func text(_ url: URL, _ displayPath: String) throws -> String {
        try SourceText.decode(try SourceText.load(url, path: displayPath), path: displayPath).text
    }
}
