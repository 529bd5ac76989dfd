/// A minimal XML element tree that serialises deterministically, for the REFI-QDA files we write.
///
/// Written by hand rather than through an encoder so that the element order follows the
/// schema's sequences exactly, attribute order is stable (repeated exports are byte-identical),
/// and text is made safe for XML 1.0: characters XML cannot carry at all (most C0 controls) are
/// replaced, and line breaks in attributes are written as character references so that parsers
/// do not turn them into spaces.
struct XElement: Sendable, Equatable {
    var name: String
    /// In order; attributes whose value is nil are left out.
    var attributes: [(String, String)]
    var children: [XElement]
    /// Text content; an element has either text or children.
    var text: String?

    init(_ name: String, _ attributes: [(String, String?)] = [], children: [XElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes.compactMap { key, value in value.map { (key, $0) } }
        self.children = children
        self.text = text
    }

    static func == (lhs: XElement, rhs: XElement) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children && lhs.text == rhs.text
            && lhs.attributes.map(\.0) == rhs.attributes.map(\.0) && lhs.attributes.map(\.1) == rhs.attributes.map(\.1)
    }

    /// `<Description>` and friends: an element holding only text, or nothing when there is none.
    static func text(_ name: String, _ text: String?) -> [XElement] {
        guard let text, !text.isEmpty else { return [] }
        return [XElement(name, text: text)]
    }

    /// The whole document: declaration, then this element as the root.
    func document() -> String {
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(to: &output, indent: 0)
        return output
    }

    private func write(to output: inout String, indent: Int) {
        let padding = String(repeating: "  ", count: indent)
        output += padding + "<" + name
        for (key, value) in attributes {
            output += " " + key + "=\"" + Self.escape(value, inAttribute: true) + "\""
        }
        if let text {
            output += ">" + Self.escape(text, inAttribute: false) + "</" + name + ">\n"
        } else if children.isEmpty {
            output += "/>\n"
        } else {
            output += ">\n"
            for child in children { child.write(to: &output, indent: indent + 1) }
            output += padding + "</" + name + ">\n"
        }
    }

    static func escape(_ text: String, inAttribute: Bool) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where inAttribute: escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "\n" where inAttribute: escaped.append(contentsOf: "&#10;".unicodeScalars)
            case "\t" where inAttribute: escaped.append(contentsOf: "&#9;".unicodeScalars)
            // A raw CR would be read back as LF; the reference keeps it.
            case "\r": escaped.append(contentsOf: "&#13;".unicodeScalars)
            case _ where !isAllowedInXML(scalar): escaped.append("\u{FFFD}")
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// XML 1.0's `Char` production: no C0 controls but tab, LF and CR; no U+FFFE or U+FFFF.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
