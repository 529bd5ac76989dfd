/// `corpus/redactions.yaml`: identifiers (real names, places, ...) and what replaces them in
/// every export and handout, and in the corpus files on request (`fieldwork redact --apply`).
///
/// An identifier matches as a whole word, case-sensitively after NFC: `Bo` is replaced, the `Bo`
/// in `Boende` is not. Where two identifiers overlap, the longer wins (`Anna Svensson` before
/// `Anna`). Replacements are plain words (letters, digits, spaces, `[]()-_.`), so replacing inside
/// CSV, JSON, DOT, HTML or Markdown never breaks the format.
public struct Redactions: Sendable {
    public struct Entry: Sendable, Hashable {
        public var identifier: String
        public var replacement: String
        /// The entry's line in `redactions.yaml`, to name it without printing the identifier.
        public var line: Int

        public init(identifier: String, replacement: String, line: Int = 0) {
            self.identifier = identifier
            self.replacement = replacement
            self.line = line
        }
    }

    public let entries: [Entry]
    /// Longest first, so the longer of two overlapping identifiers wins.
    private let ordered: [(entry: Entry, scalars: [Unicode.Scalar])]

    public init(_ entries: [Entry]) {
        self.entries = entries
        ordered = entries.map { ($0, Array($0.identifier.unicodeScalars)) }.filter { !$0.1.isEmpty }
            .sorted { $0.1.count > $1.1.count }
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// One found identifier: where (scalar offsets) and which entry.
    public struct Match: Sendable, Hashable {
        public var range: Range<Int>
        public var entry: Entry
    }

    /// Every whole-word occurrence, left to right, not overlapping.
    public func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        guard !ordered.isEmpty else { return [] }
        var found: [Match] = []
        var offset = 0
        while offset < scalars.count {
            var matched: Match?
            if offset == 0 || !Self.isWordScalar(scalars[offset - 1]) {
                for (entry, needle) in ordered where needle[0] == scalars[offset] && offset + needle.count <= scalars.count {
                    let end = offset + needle.count
                    guard scalars[offset..<end].elementsEqual(needle) else { continue }
                    if end < scalars.count, Self.isWordScalar(scalars[end]), Self.isWordScalar(needle[needle.count - 1]) { continue }
                    matched = Match(range: offset..<end, entry: entry)
                    break
                }
            }
            if let matched {
                found.append(matched)
                offset = matched.range.upperBound
            } else {
                offset += 1
            }
        }
        return found
    }

    /// The text with every identifier replaced, and how many were.
    public func apply(_ text: String) -> (text: String, count: Int) {
        let mapped = map(ScalarText(text))
        return (mapped.text.string, mapped.count)
    }

    /// Replaces identifiers and returns how to carry an offset of the old text into the new one
    /// (a position inside a replaced identifier moves to the replacement's start or end).
    public func map(_ text: ScalarText) -> RedactedText {
        let found = matches(in: text.scalars)
        guard !found.isEmpty else { return RedactedText(text: text, count: 0, edits: []) }
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.count)
        var edits: [RedactedText.Edit] = []
        var last = 0
        for match in found {
            scalars += text.scalars[last..<match.range.lowerBound]
            let start = scalars.count
            scalars += match.entry.replacement.unicodeScalars
            edits.append(.init(old: match.range, new: start..<scalars.count))
            last = match.range.upperBound
        }
        scalars += text.scalars[last...]
        return RedactedText(text: ScalarText(scalars: scalars), count: found.count, edits: edits)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }
}

/// A text after redaction, with the edits that carry old offsets to new ones.
public struct RedactedText: Sendable {
    public struct Edit: Sendable, Hashable {
        public var old: Range<Int>
        public var new: Range<Int>
    }

    public let text: ScalarText
    public let count: Int
    let edits: [Edit]

    /// The new offset of an old one: shifted by the edits before it; inside a replaced
    /// identifier, the replacement's start (`end == false`) or end (`end == true`).
    public func offset(_ old: Int, end: Bool = false) -> Int {
        var shift = 0
        for edit in edits {
            if old <= edit.old.lowerBound { break }
            if old < edit.old.upperBound { return end ? edit.new.upperBound : edit.new.lowerBound }
            shift = edit.new.upperBound - edit.old.upperBound
        }
        return old + shift
    }
}
