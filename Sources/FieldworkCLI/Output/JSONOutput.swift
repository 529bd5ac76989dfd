import Foundation

/// Prints values as pretty, stable JSON (sorted keys, real Unicode, no escaped slashes).
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}

/// Prints rows as an aligned plain-text table.
enum TableOutput {
    static func print(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { min(($0[column]).count, 48) }.max() ?? 0
        }
        for row in all {
            let cells = row.enumerated().map { index, cell in
                let clipped = cell.count > 48 ? String(cell.prefix(47)) + "…" : cell
                return index == row.count - 1 ? clipped : clipped.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            Swift.print(cells.joined(separator: "  ").replacingOccurrences(of: "\n", with: " "))
        }
    }
}
