import Foundation

/// A passage's words as the diacritics rule of `SearchQuery` compares them with a term.
///
/// The index folds diacritics, so its candidates for `får` include passages that only say `far`,
/// and for `å*` every passage with a word beginning with `a`. A candidate is kept when the term's
/// words occur in it in order as whole words (the last one a word's beginning for `prefix*`): a
/// word typed with diacritics must match them exactly (in Swedish å, ä and ö are letters of their
/// own), a word typed without them matches as the index does, with or without. Looking at the
/// passage as a whole instead let `å*` through for any passage holding an å anywhere.
struct SearchWords {
    private let lowered: [String]
    private let folded: [String]
    /// Where each word stands in the text (for a snippet around a match).
    let ranges: [Range<String.UnicodeScalarView.Index>]

    init(_ text: String) {
        var words: [String] = []
        var ranges: [Range<String.UnicodeScalarView.Index>] = []
        var current = ""
        var start = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            if Self.isWordPart(scalar) {
                if current.isEmpty { start = index }
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                ranges.append(start..<index)
                current = ""
            }
        }
        if !current.isEmpty {
            words.append(current)
            ranges.append(start..<scalars.endIndex)
        }
        lowered = words.map { $0.lowercased() }
        folded = lowered.map(Self.fold)
        self.ranges = ranges
    }

    /// Whether `term`'s words occur here in a row (see the type's comment).
    func contain(_ term: SearchQuery.Term, inflecting: Bool = false) -> Bool {
        !matches(term, inflecting: inflecting).isEmpty
    }

    /// Where `term`'s words occur in a row: the word indices of each occurrence. `inflecting`: a
    /// word may also differ from the term's by an ending (`SearchQuery.inflects`).
    func matches(_ term: SearchQuery.Term, inflecting: Bool = false) -> [Range<Int>] {
        let wanted = term.text.lowercased().split(separator: " ").map(String.init)
        guard !wanted.isEmpty, wanted.count <= lowered.count else { return [] }
        return (0...(lowered.count - wanted.count)).filter { start in
            wanted.indices.allSatisfy { offset in
                let word = wanted[offset]
                let strict = Self.hasDiacritics(word)
                let candidate = strict ? lowered[start + offset] : folded[start + offset]
                let expected = strict ? word : Self.fold(word)
                let isLast = offset == wanted.count - 1
                if term.isPrefix && isLast { return candidate.hasPrefix(expected) }
                return candidate == expected || (inflecting && Self.sameWordInflected(candidate, expected))
            }
        }.map { $0..<($0 + wanted.count) }
    }

    /// One word begins with the other and the rest is an ending (at most four letters, the
    /// shorter at least three): `hemtjänsten` and `hemtjänst`, `natten` and `natt`; not `far` and `får`.
    static func sameWordInflected(_ one: String, _ other: String) -> Bool {
        let (short, long) = one.count < other.count ? (one, other) : (other, one)
        return short.count >= 3 && long.count - short.count <= 4 && long.hasPrefix(short)
    }

    /// What the tokenizer keeps in a word: letters, digits and combining marks.
    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    /// A letter beyond ASCII, or a combining mark (`å` typed as `a` and a ring above).
    static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark)
    }

    static func hasDiacritics(_ word: String) -> Bool {
        word.unicodeScalars.contains(where: isDiacritic)
    }

    private static func fold(_ word: String) -> String {
        word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
