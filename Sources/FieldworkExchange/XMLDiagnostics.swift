import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks REFI-QDA XML before a parser sees it and explains a parser's refusal.
///
/// Foundation's XMLParser crashed the process on a byte that is not UTF-8 inside a name, and
/// reports a malformed file only as `NSXMLParserErrorDomain Code=76 "(null)"`. REFI-QDA files
/// are UTF-8 (the standard says so), so other bytes are refused before parsing with their line
/// and column, and a parser error is told again with the line, column and what is wrong.
enum XMLDiagnostics {
    struct Problem: Error, Equatable, CustomStringConvertible {
        let line: Int
        let column: Int
        let message: String

        var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The first byte sequence that is not UTF-8 (RFC 3629: no overlong forms, no surrogates,
    /// nothing above U+10FFFF). Lines and columns count from 1, columns in characters. A file
    /// with a UTF-16 byte-order mark is left to the parser, which decodes UTF-16 itself.
    static func invalidUTF8(in data: Data) -> Problem? {
        if data.starts(with: [0xFE, 0xFF]) || data.starts(with: [0xFF, 0xFE]) { return nil }
        return data.withUnsafeBytes { raw -> Problem? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var index = 0, line = 1, column = 1
            while index < bytes.count {
                let lead = bytes[index]
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch lead {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0: (length, lower) = (3, 0xA0)
                case 0xE1...0xEC, 0xEE, 0xEF: length = 3
                case 0xED: (length, upper) = (3, 0x9F)
                case 0xF0: (length, lower) = (4, 0x90)
                case 0xF1...0xF3: length = 4
                case 0xF4: (length, upper) = (4, 0x8F)
                default: return problem(line, column, lead)
                }
                for offset in 1..<max(length, 1) {
                    guard index + offset < bytes.count else { return problem(line, column, lead, truncated: true) }
                    let next = bytes[index + offset]
                    let (low, high) = offset == 1 ? (lower, upper) : (0x80, 0xBF)
                    guard next >= low, next <= high else { return problem(line, column, lead) }
                }
                if lead == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                index += length
            }
            return nil
        }
    }

    private static func problem(_ line: Int, _ column: Int, _ byte: UInt8, truncated: Bool = false) -> Problem {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        return Problem(line: line, column: column,
                       message: truncated ? "the file ends inside a UTF-8 character (byte \(hex))"
                           : "byte \(hex) is not UTF-8 (REFI-QDA files must be UTF-8)")
    }

    /// The first well-formedness error a plain XMLParser finds, with its position, or nil.
    /// Run only on valid UTF-8 (see `invalidUTF8`).
    static func parserProblem(in data: Data) -> Problem? {
        let parser = XMLParser(data: data)
        let recorder = ErrorRecorder()
        parser.delegate = recorder
        parser.shouldProcessNamespaces = true
        // swift-corelibs' parse() can return true after reporting an error (an unclosed root
        // element), so the delegate's record decides.
        let succeeded = parser.parse()
        guard let code = recorder.code ?? (parser.parserError as NSError?)?.code ?? (succeeded ? nil : 0) else { return nil }
        return Problem(line: recorder.line ?? parser.lineNumber, column: recorder.column ?? parser.columnNumber,
                       message: explain(code))
    }

    /// libxml2's message for the codes malformed files produce (Foundation's error codes are
    /// libxml2's), otherwise the code's Swift name in words.
    static func explain(_ code: Int) -> String {
        if let text = messages[code] { return text }
        if let name = XMLParser.ErrorCode(rawValue: code).map({ String(describing: $0) }), !name.hasPrefix("ErrorCode") {
            let words = name.replacing("Error", with: "").reduce(into: "") { text, character in
                if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
            }
            return "malformed XML (\(words.trimmingCharacters(in: .whitespaces)), code \(code))"
        }
        return "malformed XML (parser error \(code))"
    }

    private static let messages: [Int: String] = [
        4: "the document is empty",
        5: "the document ends before its root element is closed, or goes on after it",
        9: "a character that XML does not allow",
        23: "'&' must start an entity or character reference ending in ';' (write &amp; for '&')",
        26: "an entity that is not defined (only &lt; &gt; &amp; &quot; &apos; and &#…; are)",
        38: "'<' is not allowed inside an attribute value (write &lt;)",
        39: "an attribute value must be quoted",
        40: "an attribute value is not closed by its quote",
        41: "an attribute has no value",
        42: "an attribute appears twice in one element",
        45: "a comment is not closed (-->)",
        64: "the XML declaration is misplaced or not well formed",
        65: "a space is required here",
        68: "a name is expected here (a literal '&' must be written &amp;, '<' as &lt;)",
        73: "'>' is expected here",
        75: "'=' is expected after an attribute name",
        76: "an end tag does not match its start tag",
        77: "an element is not closed before the end of the file",
        85: "an end tag is missing or does not match",
        201: "a namespace prefix that is not declared",
    ]

    /// Keeps the first error's code and position, read while the parser still knows them.
    private final class ErrorRecorder: NSObject, XMLParserDelegate {
        var code: Int?
        var line: Int?
        var column: Int?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard code == nil else { return }
            code = (parseError as NSError).code
            line = parser.lineNumber
            column = parser.columnNumber
        }
    }
}
