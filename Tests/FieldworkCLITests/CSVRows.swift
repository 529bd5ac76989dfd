import Foundation
import Testing

/// Reads the CSV exports back as the tests' users would (RFC 4180, CRLF, a header row).
enum CSVRows {
    /// The fields of one line (quoted fields may hold commas and doubled quotes; no line breaks here).
    static func fields(_ line: String) -> [String] {
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

    /// Every data row as header → field.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = fields(try #require(lines.first))
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }
}
