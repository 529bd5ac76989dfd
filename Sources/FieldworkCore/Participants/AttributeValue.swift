/// Participant attribute values as people type them: "75-79" and "75–79" (en dash, or a minus
/// sign) are one age band, and so are values differing only in spaces. Every comparison and
/// grouping of attribute values (retrieval filters, matrix rows, small-cell groups) goes
/// through here, so none can split a band in two.
public enum AttributeValue {
    /// Dashes as "-", runs of spaces as one, ends trimmed; case kept (it is shown).
    public static func display(_ text: String) -> String {
        String(text.map { $0 == "\u{2013}" || $0 == "\u{2212}" || $0 == "\u{2014}" ? "-" : $0 })
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The same value, case aside.
    public static func same(_ a: String, _ b: String) -> Bool {
        display(a).lowercased() == display(b).lowercased()
    }
}
