import Foundation
import Synchronization

/// Reads rows of a few tables straight from a custom-format dump, without restoring it:
/// `pg_restore --data-only --table=…` prints each table's rows as COPY text (one row a line,
/// fields separated by tabs, `\N` for NULL, backslash escapes), which is read here as a stream.
/// Reading them also proves that those tables' data in the file decompresses and is whole.
enum PostgresDumpData {
    /// One row: its table (without schema), the table's column names and the row's raw fields.
    typealias Visit = @Sendable (_ table: String, _ columns: [String], _ fields: [Substring]) -> Void

    static func scan(_ path: String, tables: [String], tools: PostgresTools, _ visit: @escaping Visit) async throws {
        try await tools.run("pg_restore", ["--data-only"] + tables.map { "--table=\($0)" } + ["--file=-", path]) { handle in
            var reader = CopyReader(visit: visit)
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                reader.consume(chunk)
            }
        }
    }

    /// The value of a COPY text field: nil for `\N`, backslash escapes decoded.
    static func value(_ field: Substring) -> String? {
        guard field != "\\N" else { return nil }
        guard field.contains("\\") else { return String(field) }
        var result = "", escaped = false
        for character in field {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Splits the stream into lines and follows `COPY public.t (a, b) FROM stdin;` … `\.` blocks.
    private struct CopyReader {
        let visit: Visit
        var pending = Data()
        var table: String?
        var columns: [String] = []

        /// The lines are read where they lie and the rest is kept once per chunk: removing each
        /// line from the front would move the whole chunk per line (the readings table of a
        /// large study has millions).
        mutating func consume(_ chunk: Data) {
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                line(String(decoding: pending[start..<newline], as: UTF8.self))
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }

        private mutating func line(_ text: String) {
            if let table {
                if text == "\\." {
                    self.table = nil
                } else {
                    visit(table, columns, text.split(separator: "\t", omittingEmptySubsequences: false))
                }
            } else if text.hasPrefix("COPY "), text.hasSuffix(" FROM stdin;"),
                      let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") {
                let name = text[text.index(text.startIndex, offsetBy: 5)..<open].trimmingCharacters(in: .whitespaces)
                table = String(name.split(separator: ".").last ?? Substring(name)).replacingOccurrences(of: "\"", with: "")
                columns = text[text.index(after: open)..<close].split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "") }
            }
        }
    }
}

/// A value the closures reading a tool's output fill in, read back when the tool has ended.
final class Collected<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    init(_ initial: Value) { value = Mutex(initial) }

    func update(_ body: (inout Value) -> Void) { value.withLock { body(&$0) } }

    var current: Value { value.withLock { $0 } }
}
