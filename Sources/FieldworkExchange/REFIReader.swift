import Foundation
import XMLCoder

/// Parses REFI-QDA XML from other tools into the `REFI` model.
enum REFIReader {
    static func project(_ data: Data, file: String) throws -> REFI.Project {
        try decode(REFI.Project.self, from: data, file: file, root: "Project")
    }

    static func codebook(_ data: Data, file: String) throws -> REFI.CodeBook {
        try decode(REFI.CodeBook.self, from: data, file: file, root: "CodeBook")
    }

    private static func decode<T: Decodable>(_ type: T.Type, from original: Data, file: String, root: String) throws -> T {
        // Before any parser: Foundation's crashed on bytes that are not UTF-8 inside a name, and
        // crashes on a processing instruction without data (see `XMLPreflight`).
        if let problem = XMLDiagnostics.invalidUTF8(in: original) {
            throw ExchangeError.malformedXML(file: file, line: problem.line, column: problem.column, problem: problem.message)
        }
        let data: Data
        do {
            data = try XMLPreflight.prepare(original)
        } catch {
            throw ExchangeError.malformedXML(file: file, line: error.line, column: error.column, problem: error.message)
        }
        let found = rootName(data) ?? ""
        guard found == root else {
            throw ExchangeError.unexpectedRoot(file: file, found: found.isEmpty ? "no" : found, expected: root)
        }
        // Namespaces processed: element names arrive without prefixes, whichever a tool chose.
        // Values keep their white space (a source's inline text must keep every scalar for the
        // positions to hold), while white space between elements is dropped.
        let decoder = XMLDecoder(trimValueWhitespaces: false, removeWhitespaceElements: true)
        decoder.shouldProcessNamespaces = true
        do {
            return try decoder.decode(T.self, from: data)
        } catch {
            // XMLCoder passes on only the parser's error code; a second, plain parse says where.
            if let problem = XMLDiagnostics.parserProblem(in: data) {
                throw ExchangeError.malformedXML(file: file, line: problem.line, column: problem.column, problem: problem.message)
            }
            throw describeDecoding(error, file: file)
        }
    }

    private static func describeDecoding(_ error: any Error, file: String) -> ExchangeError {
        if let error = error as? DecodingError { return ExchangeError.invalidXML(file: file, detail: describe(error)) }
        return ExchangeError.invalidXML(file: file, detail: "\(error)")
    }

    /// The local name of the root element, found without parsing the whole document.
    static func rootName(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(64 << 10))
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1
            guard next < bytes.count else { return nil }
            // Skip comments (which may hold markup), the declaration, processing instructions and a DOCTYPE.
            if bytes[next...].starts(with: "!--".utf8) {
                guard let end = XMLPreflight.index(after: "-->", in: bytes, from: next) else { return nil }
                index = end
                continue
            }
            if bytes[next] == UInt8(ascii: "?") || bytes[next] == UInt8(ascii: "!") {
                index = next
                continue
            }
            let nameEnd = bytes[next...].firstIndex { " \t\r\n/>".utf8.contains($0) } ?? bytes.count
            let name = String(decoding: bytes[next..<nameEnd], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
             .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: "/")
            return (path.isEmpty ? "" : path + ": ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
