/// A name given on the command line (or in a request) that names nothing there is: a code, a
/// coder, a document, a device. One shape for every such refusal, with the nearest names there
/// are, since the usual cause is a typo or a half-remembered name:
/// `no code 'nope' in the codebook; did you mean need, need.safety, other?`.
public struct UnknownName: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was looked for: "code", "coder", "document".
    public var kind: String
    public var name: String
    /// Where it was looked for: "in the codebook", "with codings", "in the corpus".
    public var place: String
    /// The nearest known names, nearest first (at most `suggestionCount`).
    public var suggestions: [String]

    public static let suggestionCount = 3

    public init(kind: String, name: String, place: String, known: some Sequence<String>) {
        self.kind = kind
        self.name = name
        self.place = place
        suggestions = Self.nearest(to: name, in: known)
    }

    public var description: String {
        "no \(kind) '\(name)' \(place)" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
    }

    /// Throws unless `name` (when given) is one of `known`; names are compared exactly, as the
    /// filters compare them.
    public static func require(_ name: String?, kind: String, place: String, known: some Collection<String>) throws {
        guard let name, !known.contains(name) else { return }
        throw UnknownName(kind: kind, name: name, place: place, known: known)
    }

    /// The known names nearest to `name`: a name that starts with it or contains it first (a
    /// code's parent typed for the code), then by edit distance, case ignored; ties by name.
    static func nearest(to name: String, in known: some Sequence<String>) -> [String] {
        let typed = Array(name.lowercased().unicodeScalars)
        let ranked = Set(known).map { candidate -> (rank: Int, name: String) in
            let lowered = candidate.lowercased()
            if lowered.hasPrefix(name.lowercased()) || lowered.contains(name.lowercased()) { return (-1, candidate) }
            return (distance(typed, Array(lowered.unicodeScalars)), candidate)
        }
        return ranked.sorted { ($0.rank, $0.name) < ($1.rank, $1.name) }.prefix(suggestionCount).map(\.name)
    }

    /// The nearest known names within `allowed` edits of `name` (case ignored): a typo's
    /// candidates, none when nothing is that close.
    static func nearest(to name: String, in known: some Sequence<String>, within allowed: Int) -> [String] {
        let typed = Array(name.lowercased().unicodeScalars)
        return nearest(to: name, in: known).filter { distance(typed, Array($0.lowercased().unicodeScalars)) <= allowed }
    }

    /// Levenshtein distance of two scalar arrays (insertions, deletions, substitutions cost 1).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
