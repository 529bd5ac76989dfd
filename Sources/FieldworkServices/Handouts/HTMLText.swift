import FieldworkCore

/// HTML escaping for documents written outside the web module (handouts exported to files).
enum HTMLText {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
