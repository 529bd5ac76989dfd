/// What adjudicating a disputed passage leaves behind besides consensus codings: a dismissal of a
/// code, or the team's discussion of the passage. Both are document memos whose first line says
/// what they are, so they travel in the codings files like every memo (no table of their own) and
/// stay readable to a person opening the file.
///
///     Adjudication: dismissed code=needs.mobility passage=120-260
///     Dismissed by Maja Lind.
///
///     Adjudication: discussion passage=120-260
///     Bo reads "the bus" as mobility; Maja as isolation. Agreed: isolation.
public struct AdjudicationNote: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The code was considered for the passage and not taken into the consensus.
        case dismissed(code: String)
        /// The discussion memo of the passage.
        case discussion
    }

    public var kind: Kind
    /// The passage (a segment's span in the document's plain text, Unicode scalars, end exclusive).
    public var start: Int
    public var end: Int
    /// What follows the first line.
    public var body: String

    public init(kind: Kind, start: Int, end: Int, body: String) {
        self.kind = kind
        self.start = start
        self.end = end
        self.body = body
    }

    static let prefix = "Adjudication: "

    public var memoText: String {
        let head: String
        switch kind {
        case .dismissed(let code): head = "dismissed code=\(code) passage=\(start)-\(end)"
        case .discussion: head = "discussion passage=\(start)-\(end)"
        }
        return Self.prefix + head + "\n" + body
    }

    /// The note a memo's text holds, or nil for any other memo.
    public init?(memoText: String) {
        let lines = memoText.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix(Self.prefix) else { return nil }
        let words = first.dropFirst(Self.prefix.count).split(separator: " ")
        guard let what = words.first else { return nil }
        var fields: [Substring: Substring] = [:]
        for word in words.dropFirst() {
            let pair = word.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { return nil }
            fields[pair[0]] = pair[1]
        }
        let bounds = fields["passage"]?.split(separator: "-")
        guard let bounds, bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start < end else { return nil }
        switch what {
        case "dismissed":
            guard let code = fields["code"], fields.count == 2 else { return nil }
            kind = .dismissed(code: String(code))
        case "discussion":
            guard fields.count == 1 else { return nil }
            kind = .discussion
        default: return nil
        }
        self.start = start
        self.end = end
        body = lines.count > 1 ? String(lines[1]) : ""
    }

    public func isAbout(start: Int, end: Int) -> Bool { self.start == start && self.end == end }
}

/// The consensus of an adjudicated study is a coder like any other, under this name.
public enum Consensus {
    public static let coder = "Consensus"

    /// The memo of a coding accepted into the consensus: who decided.
    public static func acceptanceMemo(by decider: String) -> String { "accepted by \(decider)" }

    /// Who decided, read back from a consensus coding's memo as `acceptanceMemo` wrote it; nil for
    /// any other coder's memo or a memo someone has since edited into something else.
    public static func decider(ofAcceptanceMemo memo: String, coder: String) -> String? {
        let prefix = acceptanceMemo(by: "")
        guard coder == Consensus.coder, memo.hasPrefix(prefix) else { return nil }
        let decider = String(memo.dropFirst(prefix.count))
        return decider.isEmpty ? nil : decider
    }

    public static func dismissalBody(by decider: String) -> String { "Dismissed by \(decider)." }
}
