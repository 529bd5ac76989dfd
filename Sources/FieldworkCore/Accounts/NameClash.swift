import Foundation

/// When two person names are one person to the workbench though they are spelt differently:
/// they write the same codings file (`LedgerMerge.fileSlug`: "Asa Oberg" and "Åsa Öberg" both
/// write codings/asa-oberg.jsonl), or they are the same name once Unicode composition and case
/// are set aside (the login rate limit counts "åsa öberg" and "Åsa Öberg" as one account).
public enum NameClash {
    /// The name in NFC: "Åsa" typed decomposed (A and a combining ring, as some keyboards and
    /// file systems send it) is the name typed composed. Accounts are stored and looked up so.
    public static func normalized(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping
    }

    /// NFC and Unicode lower case: the form the login rate limit counts failures by.
    public static func folded(_ name: String) -> String {
        normalized(name).lowercased()
    }

    /// Whether `name` and `other` write the same codings file.
    public static func sameCodingsFile(_ name: String, _ other: String) -> Bool {
        LedgerMerge.fileSlug(for: normalized(name)) == LedgerMerge.fileSlug(for: normalized(other))
    }

    /// Whether `name` and `other` would be taken for one person (either rule above).
    public static func clash(_ name: String, _ other: String) -> Bool {
        folded(name) == folded(other) || sameCodingsFile(name, other)
    }
}
