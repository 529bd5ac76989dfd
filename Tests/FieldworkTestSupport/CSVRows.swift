import Foundation

/// Reads the CSV exports back as the tests' users would (RFC 4180, CRLF, a header row).
public enum CSVRows {
    /// The fields of one line (quoted fields may hold commas and doubled quotes; no line breaks here).
    public static func fields<Line: StringProtocol>(_ line: Line) -> [String] {
        var fields: [String] = [], field = "", quoted = false, previous: Character?
        for character in line {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return fields + [field]
    }

    public struct NoHeader: Error, CustomStringConvertible {
        public let file: URL
        public var description: String { "\(file.path): no header row" }
    }

    /// Every data row as header → field.
    public static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard let first = lines.first else { throw NoHeader(file: url) }
        let header = fields(first)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }
}
