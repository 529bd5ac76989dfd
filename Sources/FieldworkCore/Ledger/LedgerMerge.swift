import Foundation

/// Which record of an id wins when several ledgers hold it: the highest version; among equal
/// versions (two people changed the same coding at once, each from version n) the later
/// update, then the changer's name — so every machine picks the same winner.
public enum LedgerMerge {
    public static func latest<S: Sequence>(_ records: S) -> [String: LedgerRecord] where S.Element == LedgerRecord {
        var winners: [String: LedgerRecord] = [:]
        for record in records {
            guard let current = winners[record.id] else {
                winners[record.id] = record
                continue
            }
            if (record.version, record.updated, record.changedBy) > (current.version, current.updated, current.changedBy) {
                winners[record.id] = record
            }
        }
        return winners
    }

    /// The file a person's changes are written to: `codings/<slug>.jsonl`, the slug made of
    /// lower-case ASCII letters and digits ("Maja L." → `maja-l`, "Åsa Öberg" → `asa-oberg`); never a
    /// path (no dots or slashes survive).
    public static func fileSlug(for person: String) -> String {
        fileSlugs(person)
    }

    /// The codings file's flush asks for every record it writes (`NameAnswers`).
    private static let fileSlugs = NameAnswers<String> { slug(for: $0) }

    private static func slug(for person: String) -> String {
        let folded = person.applyingTransformFallback().lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        // A name with no Latin letters at all keeps a distinct, readable-enough file name.
        return slug.isEmpty ? "u-" + person.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-") : slug
    }
}

extension String {
    /// Latin letters without their diacritics (å → a, ö → o, é → e).
    func applyingTransformFallback() -> String {
        var result = String.UnicodeScalarView()
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
            result.append(scalar)
        }
        return String(result)
    }
}
