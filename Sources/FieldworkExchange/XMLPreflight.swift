import Foundation

/// Makes REFI-QDA XML safe for Foundation's XMLParser, which XMLCoder also uses.
///
/// On Linux that parser dereferences a null pointer, and takes the process down, when a
/// processing instruction has no data (`<?target?>`, valid XML). It does this wherever the
/// instruction is: before the root, inside an element, or in a DTD. Fuzzing found it
/// (session 11). So, before any parser runs:
/// - a DOCTYPE is refused. REFI-QDA files are described by an XML schema and have no DTD. A DTD's
///   entities can also build markup, such as `<!ENTITY e "&#60;?x?>">`, that no scan of the bytes
///   would see, and can expand without bound.
/// - every instruction without data gets one space before its `?>`. The data stays empty, so the
///   XML means the same. Comments and CDATA sections are left untouched, because a CDATA
///   section's text is a source's content and REFI-QDA positions count its characters.
enum XMLPreflight {
    /// The bytes to parse, or the problem that refuses them. Run after `XMLDiagnostics.invalidUTF8`.
    static func prepare(_ data: Data) throws(XMLDiagnostics.Problem) -> Data {
        let bytes = [UInt8](data)
        var padAt: [Int] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if bytes[open...].starts(with: "<!--".utf8) {
                index = Self.index(after: "-->", in: bytes, from: open + 4) ?? bytes.count
            } else if bytes[open...].starts(with: "<![CDATA[".utf8) {
                index = Self.index(after: "]]>", in: bytes, from: open + 9) ?? bytes.count
            } else if bytes[open...].starts(with: "<!DOCTYPE".utf8) {
                let (line, column) = position(of: open, in: bytes)
                throw XMLDiagnostics.Problem(
                    line: line, column: column,
                    message: "a DOCTYPE is not allowed (REFI-QDA files have no DTD, and its entities are refused for safety)")
            } else if open + 1 < bytes.count, bytes[open + 1] == UInt8(ascii: "?") {
                var cursor = open + 2
                while cursor < bytes.count, !" \t\r\n?<>".utf8.contains(bytes[cursor]) { cursor += 1 }
                if bytes[cursor...].starts(with: "?>".utf8) { padAt.append(cursor) }
                index = cursor
            } else {
                index = open + 1
            }
        }
        guard !padAt.isEmpty else { return data }
        var padded = [UInt8]()
        padded.reserveCapacity(bytes.count + padAt.count)
        var start = 0
        for offset in padAt {
            padded += bytes[start..<offset]
            padded.append(UInt8(ascii: " "))
            start = offset
        }
        padded += bytes[start...]
        return Data(padded)
    }

    /// The index just past the first `terminator` at or after `start`, or nil if there is none.
    static func index(after terminator: String, in bytes: [UInt8], from start: Int) -> Int? {
        let pattern = Array(terminator.utf8)
        var index = start
        while index < bytes.count, let first = bytes[index...].firstIndex(of: pattern[0]) {
            if bytes[first...].starts(with: pattern) { return first + pattern.count }
            index = first + 1
        }
        return nil
    }

    /// Line and column (in characters, from 1) of a byte offset in UTF-8 text.
    private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
