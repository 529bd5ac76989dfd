import FieldworkCore
import Foundation

/// A workspace text file decoded the one canonical way: strict UTF-8, no byte-order mark,
/// LF line endings, NFC. All offsets and quotes are computed on this form, so a file saved
/// with CRLF, a BOM or decomposed letters yields the same text as its clean twin.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    public let contentHash: String

    /// Reads and decodes `url`; `path` is the workspace-relative name used in messages.
    public static func read(_ url: URL, path: String) throws -> SourceText {
        try decode(try load(url, path: path), path: path)
    }

    /// The file's bytes, or a problem naming it.
    public static func load(_ url: URL, path: String) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw unreadable(url, path: path, error)
        }
    }

    /// The file opened for reading in parts, or a problem naming it (not Foundation's
    /// `Error Domain=NSCocoaErrorDomain Code=260 …` with the full path).
    public static func open(_ url: URL, path: String) throws -> FileHandle {
        // A folder opens like a file and fails only when read, with no name in the error.
        if isFolder(url) { throw SourceProblem(file: path, line: 0, "cannot read the file: a folder, not a file") }
        do {
            return try FileHandle(forReadingFrom: url)
        } catch {
            throw unreadable(url, path: path, error)
        }
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

    /// Why `url` could not be read, in words (Foundation says "error 256" for a folder).
    private static func unreadable(_ url: URL, path: String, _ error: any Error) -> SourceProblem {
        let problem = isFolder(url) ? "a folder, not a file" : FileProblem.words(error) ?? error.localizedDescription
        return SourceProblem(file: path, line: 0, "cannot read the file: \(problem)")
    }

    /// The content fingerprint of raw bytes: what re-ingest compares before decoding anything.
    public static func contentHash(of data: Data) -> String {
        data.withUnsafeBytes(ContentHash.of)
    }

    public static func decode(_ data: Data, path: String, contentHash knownHash: String? = nil) throws -> SourceText {
        try data.withUnsafeBytes { raw in
            let hash = knownHash ?? ContentHash.of(raw)
            var bytes = Array(raw.bindMemory(to: UInt8.self))
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            normalizeLineEndings(&bytes)
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                throw invalidUTF8Problem(bytes, path: path)
            }
            return SourceText(path: path, text: nfc(decoded), contentHash: hash)
        }
    }

    /// CRLF and lone CR become LF (the line count is unchanged, so lines still match the file).
    static func normalizeLineEndings(_ bytes: inout [UInt8]) {
        guard bytes.contains(0x0D) else { return }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                output.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        bytes = output
    }

    /// Runs the normaliser only when some scalar could change under NFC: the common case
    /// (ASCII, Latin-1 letters such as å, ä, ö, emoji) skips it.
    static func nfc(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: mayChangeUnderNFC) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Conservative: true for every scalar whose NFC quick-check is No or Maybe. Those are the
    /// combining marks (non-zero combining class, or a spacing/enclosing mark that composes with
    /// the letter before it), conjoining Hangul jamo, and the composition exclusions (which
    /// include singletons such as U+212B ANGSTROM SIGN). Variation selectors are marks that
    /// never compose, so emoji with U+FE0F stay on the fast path.
    static func mayChangeUnderNFC(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x300 { return false }
        if (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value) { return false }
        if (0x1100...0x11FF).contains(value) || (0xA960...0xA97F).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return true
        }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered || properties.isFullCompositionExclusion { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func invalidUTF8Problem(_ bytes: [UInt8], path: String) -> SourceProblem {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A { line += 1 }
                offset += encoded.count
            case .error:
                return SourceProblem(file: path, line: line,
                                     "not valid UTF-8 (byte \(offset + 1)); save the file as UTF-8")
            case .emptyInput:
                return SourceProblem(file: path, line: line, "not valid UTF-8; save the file as UTF-8")
            }
        }
    }
}
