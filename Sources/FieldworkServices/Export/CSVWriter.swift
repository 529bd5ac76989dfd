/// RFC 4180 CSV: CRLF between records, fields quoted when they hold a comma, quote, CR or LF,
/// quotes doubled. UTF-8 without a byte-order mark (what R's read.csv and pandas expect).
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) {
        append(header)
    }

    public mutating func append(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        var escaped = "\""
        for character in field {
            escaped += character == "\"" ? "\"\"" : String(character)
        }
        return escaped + "\""
    }
}
