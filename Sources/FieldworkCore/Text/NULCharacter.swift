/// U+0000 in free text (a memo, a coding memo, a discussion, a link's rationale, a name): no
/// store keeps it as typed. PostgreSQL refuses it in `text` (500, "invalid byte sequence") and
/// SQLite cut the stored text at it without a word, so the same write did different things on
/// the two stores. It is refused before anything is stored, naming the field.
public enum NULCharacter {
    public static func isIn(_ text: String) -> Bool {
        text.unicodeScalars.contains("\u{0}")
    }

    /// The refusal for `field` (as the writer named it: `memo`, `rationale`).
    public static func problem(field: String) -> String {
        "\(field) holds a NUL character (U+0000), which no text in the study can hold; remove it"
    }

    /// The refusal for the first of `fields` (name, text) that holds U+0000, or nil.
    public static func problem(in fields: KeyValuePairs<String, String?>) -> String? {
        fields.first { $0.value.map(isIn) == true }.map { problem(field: $0.key) }
    }
}
