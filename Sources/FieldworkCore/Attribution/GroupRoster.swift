/// The groups a set of workshop or policy-lab notes declares: a paragraph such as
/// `Deltagare: R01, R08, R11, S01.` (or `Participants: …`) under a heading makes the people it
/// lists the members of that heading's section.
///
/// Groups in workshops rotate between stations under the same name ("Grupp A" at every
/// station), so a heading with the title of a group declared elsewhere in the document has the
/// same members — unless the title was declared twice with different members, which is then
/// too ambiguous to use.
public struct GroupRoster: Sendable, Hashable {
    /// Members declared for exactly this heading path.
    var byPath: [[String]: [String]]
    /// Members by heading title, for titles declared with one membership only.
    var byTitle: [String: [String]]

    public static let empty = GroupRoster(byPath: [:], byTitle: [:])

    /// - Parameters:
    ///   - paragraphs: each segment that is a paragraph, with its text.
    ///   - isParticipant: whether an id is a known participant (every listed name must be one).
    public init(paragraphs: [(segment: Segment, text: String)], isParticipant: (String) -> Bool) {
        var byPath: [[String]: [String]] = [:]
        var titles: [String: Set<[String]>] = [:]
        for (segment, text) in paragraphs where !segment.headingPath.isEmpty {
            guard let members = Self.declaredMembers(in: text, isParticipant: isParticipant) else { continue }
            byPath[segment.headingPath] = members
            if let title = segment.headingPath.last { titles[title, default: []].insert(members) }
        }
        self.byPath = byPath
        self.byTitle = titles.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    init(byPath: [[String]: [String]], byTitle: [String: [String]]) {
        self.byPath = byPath
        self.byTitle = byTitle
    }

    /// The smallest enclosing group of a heading path: its heading path prefix and members.
    public func group(enclosing path: [String]) -> (path: [String], members: [String])? {
        var length = path.count
        while length > 0 {
            let prefix = Array(path.prefix(length))
            if let members = byPath[prefix] ?? byTitle[prefix[length - 1]] { return (prefix, members) }
            length -= 1
        }
        return nil
    }

    static let rosterLabels: Set<String> = ["deltagare", "deltagarna", "participants", "gruppdeltagare", "group members"]

    /// The members a roster line lists, or nil when the text is not a roster line.
    public static func declaredMembers(in text: String, isParticipant: (String) -> Bool) -> [String]? {
        guard let colon = text.firstIndex(of: ":"),
              rosterLabels.contains(text[..<colon].trimmingWhitespace().lowercased()) else { return nil }
        var list = text[text.index(after: colon)...].trimmingWhitespace()
        if list.hasSuffix(".") { list.removeLast() }
        let names = ParticipantList.split(list)
        guard !names.isEmpty, names.allSatisfy(isParticipant) else { return nil }
        return names
    }
}

/// "R01, R08 och R11" / "R01, R08 and R11" → ["R01", "R08", "R11"].
enum ParticipantList {
    static func split(_ text: Substring) -> [String] {
        text.split(separator: ",").flatMap { part in
            part.split(separator: " ").map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty && !["och", "and", "&"].contains($0.lowercased()) }
                .map(String.init)
        }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[first...last]
    }
}
