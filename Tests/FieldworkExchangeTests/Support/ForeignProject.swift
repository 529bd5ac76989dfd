import FieldworkCore
import Foundation

/// Writes REFI-QDA projects the way other tools do: positions counted in UTF-16 code units
/// (NVivo), with CRLF counted as one, or in code points; the quote in each selection's `name`
/// or left empty (NVivo); text files with a byte-order mark and CRLF; code folders that are not
/// codable; sets. Positions are computed here independently of the importer (through Swift's
/// own UTF-16 and scalar views), so that a test compares two implementations.
struct ForeignProject {
    enum Counting { case codePoints, utf16, codePointsCRLFAsOne, utf8 }

    struct Selection {
        var quote: String
        var code: String
        /// Which occurrence of the quote in the text (0: the first).
        var occurrence = 0
        /// Write the quote into `name` (most tools) or leave it empty (NVivo).
        var named = true
        /// Shift both positions by this much: a coding on the wrong text.
        var shift = 0
    }

    struct Source {
        var name: String
        /// The text as the tool stores it (BOM and CRLF included).
        var text: String
        var selections: [Selection]
        var created = "2024-05-06T07:08:09Z"
    }

    var origin = "NVivo 14"
    var counting: Counting = .utf16
    var codes: [(guid: String, name: String, codable: Bool, parent: String?)] = []
    var sources: [Source] = []
    var extra = ""

    static func guid(_ number: Int) -> String {
        String(format: "{%08X-0000-4000-8000-%012X}", number, number)
    }

    /// `[start, end)` of the quote in the tool's counting.
    func positions(of selection: Selection, in text: String) throws -> (Int, Int) {
        var body = Array(text.unicodeScalars)
        if body.first == "\u{FEFF}" { body.removeFirst() }
        let needle = Array(selection.quote.unicodeScalars)
        let starts = ScalarText(scalars: body).occurrences(of: needle)
        guard selection.occurrence < starts.count else { throw FixtureError.quoteNotFound(selection.quote) }
        let start = starts[selection.occurrence]
        func units(_ count: Int) -> Int {
            let prefix = String(String.UnicodeScalarView(body[0..<count]))
            switch counting {
            case .codePoints: return prefix.unicodeScalars.count
            case .utf16: return prefix.utf16.count
            case .utf8: return prefix.utf8.count
            case .codePointsCRLFAsOne: return prefix.replacing("\r\n", with: "\n").unicodeScalars.count
            }
        }
        return (units(start) + selection.shift, units(start + needle.count) + selection.shift)
    }

    func xml() throws -> String {
        var sourceXML = ""
        for (index, source) in sources.enumerated() {
            sourceXML += "<TextSource guid=\"\(Self.guid(1000 + index))\" name=\"\(escape(source.name))\" "
                + "plainTextPath=\"internal://source-\(index).txt\" creationDateTime=\"\(source.created)\">\n"
            for (number, selection) in source.selections.enumerated() {
                let (start, end) = try positions(of: selection, in: source.text)
                let name = selection.named ? escape(selection.quote) : ""
                sourceXML += "  <PlainTextSelection guid=\"\(Self.guid(2000 + index * 100 + number))\" name=\"\(name)\" "
                    + "startPosition=\"\(start)\" endPosition=\"\(end)\">"
                    + "<Coding guid=\"\(Self.guid(3000 + index * 100 + number))\"><CodeRef targetGUID=\"\(selection.code)\"/></Coding>"
                    + "</PlainTextSelection>\n"
            }
            sourceXML += "</TextSource>\n"
        }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Foreign" origin="\(origin)">
            <CodeBook><Codes>\(codesXML(parent: nil))</Codes></CodeBook>
            <Sources>
            \(sourceXML)</Sources>
            \(extra)
            </Project>
            """
    }

    private func codesXML(parent: String?) -> String {
        codes.filter { $0.parent == parent }.map { code in
            "<Code guid=\"\(code.guid)\" name=\"\(escape(code.name))\" isCodable=\"\(code.codable)\">"
                + codesXML(parent: code.guid) + "</Code>"
        }.joined()
    }

    private func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing("\"", with: "&quot;")
            .replacing("\n", with: "&#10;").replacing("\r", with: "&#13;")
    }

    func pack() throws -> URL {
        try Archives.pack(project: try xml(), files: sources.enumerated().map { ("source-\($0.offset).txt", $0.element.text) })
    }
}
