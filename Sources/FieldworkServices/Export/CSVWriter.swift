/// RFC 4180 CSV: CRLF between records, fields quoted when they hold a comma, quote, CR or LF,
/// quotes doubled. UTF-8 without a byte-order mark (what R's read.csv and pandas expect).
///
/// Every export's cells come from people (memos, quotes, code names), and a spreadsheet runs a
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (CSV
/// injection). As OWASP advises, such a cell gets a leading `'` and is quoted; plain numbers
/// (`-12.5`) are left as they are, since they cannot run.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(header: [String]) {
        append(header)
    }

    public mutating func append(_ fields: [String]) {
        text += fields.map(CSVWriter.escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ field: String) -> String {
        let neutralised = isFormula(field)
        let needsQuotes = neutralised || field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        var escaped = neutralised ? "\"'" : "\""
        for character in field {
            escaped += character == "\"" ? "\"\"" : String(character)
        }
        return escaped + "\""
    }

    /// Starts with a character a spreadsheet reads as the start of a formula, and is not a number.
    static func isFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return false }
        return !isPlainNumber(field)
    }

    /// `[+-]digits[.digits]`: what a numeric column holds.
    private static func isPlainNumber(_ field: String) -> Bool {
        var scalars = field.unicodeScalars[...]
        if let sign = scalars.first, sign == "-" || sign == "+" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.count <= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) }
        }
    }
}
