/// Reads proposals out of a policy-lab document's segments (the Markdown convention the README
/// documents under "The policy-lab register").
///
/// A proposal is a heading `Förslag P1: title` or `Proposal P1: title` (any level; the id holds
/// a digit, so a section called "Förslag från grupp A" is no proposal). Under it, lines of the
/// form `Field: value` — list items or lines of a paragraph — are its fields:
///
/// | field | Swedish | English |
/// |---|---|---|
/// | status | `Status:` | `Status:` |
/// | decision | `Beslut:` | `Decision:` |
/// | owner | `Ansvarig:` | `Owner:` |
/// | date of the status | `Datum:` | `Date:` |
/// | due date | `Klart senast:` | `Due:` |
/// | codes answered | `Svarar på:` | `Answers:` |
/// | solutions concerned | `Lösningar:` | `Solutions:` |
///
/// Every other line is the proposal's text (which can be coded like any note). Pure: the
/// service hands it the segments and their text.
public enum ProposalNoteParser {
    enum Field: CaseIterable {
        case status, decision, owner, date, due, answers, solutions

        var labels: [String] {
            switch self {
            case .status: ["status"]
            case .decision: ["beslut", "decision"]
            case .owner: ["ansvarig", "owner"]
            case .date: ["datum", "date"]
            case .due: ["klart senast", "senast", "due"]
            case .answers: ["svarar på", "answers"]
            case .solutions: ["lösningar", "lösning", "solutions", "solution"]
            }
        }

        static let byLabel: [String: Field] = Dictionary(uniqueKeysWithValues: allCases.flatMap { field in field.labels.map { ($0, field) } })
    }

    static let keywords = ["förslag", "proposal"]

    /// `(id, title)` when a heading names a proposal.
    public static func proposalHeading(_ heading: String) -> (id: String, title: String)? {
        let text = heading.trimmingPolicyLabSpace()
        let lower = text.lowercased()
        guard let keyword = keywords.first(where: { lower.hasPrefix($0 + " ") }) else { return nil }
        let rest = String(text.unicodeScalars.dropFirst(keyword.unicodeScalars.count)).trimmingPolicyLabSpace()
        let idScalars = rest.unicodeScalars.prefix { $0.properties.isAlphabetic || $0.properties.numericType != nil || "._-".unicodeScalars.contains($0) }
        var id = String(String.UnicodeScalarView(idScalars))
        while id.hasSuffix(".") || id.hasSuffix("-") { id.removeLast() }
        guard !id.isEmpty, id.unicodeScalars.count <= 20, id.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        var title = String(rest.unicodeScalars.dropFirst(id.unicodeScalars.count)).trimmingPolicyLabSpace()
        for separator in [":", "–", "—", "-", "."] where title.hasPrefix(separator) {
            title = String(title.dropFirst()).trimmingPolicyLabSpace()
            break
        }
        return (id, title)
    }

    /// The proposals of one document, in the order they appear, and the problems of its fields.
    /// `texts[i]` is the plain text of `segments[i]`.
    public static func parse(document: DocumentMetadata, path: String, segments: [Segment],
                             texts: [String]) -> (notes: [ProposalNote], problems: [RegisterProblem]) {
        var notes: [ProposalNote] = []
        var problems: [RegisterProblem] = []
        for (segment, text) in zip(segments, texts) {
            guard let heading = segment.headingPath.reversed().lazy.compactMap(proposalHeading).first else { continue }
            let index: Int
            if let existing = notes.firstIndex(where: { $0.proposalID == heading.id }) {
                index = existing
            } else {
                notes.append(ProposalNote(proposalID: heading.id, title: heading.title, documentID: document.id, path: path,
                                          documentDate: document.date, line: segment.lineStart))
                index = notes.count - 1
            }
            notes[index].spans.append(segment.span)
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                read(String(line), line: segment.lineStart + offset, into: &notes[index], problems: &problems)
            }
        }
        return (notes, problems)
    }

    private static func read(_ line: String, line number: Int, into note: inout ProposalNote, problems: inout [RegisterProblem]) {
        let trimmed = line.trimmingPolicyLabSpace()
        guard !trimmed.isEmpty else { return }
        guard let colon = trimmed.firstIndex(of: ":"),
              let field = Field.byLabel[String(trimmed[..<colon]).trimmingPolicyLabSpace().lowercased()] else {
            note.text.append(trimmed)
            return
        }
        let label = String(trimmed[..<colon]).trimmingPolicyLabSpace()
        let value = String(trimmed[trimmed.index(after: colon)...]).trimmingPolicyLabSpace()
        func problem(_ kind: RegisterProblem.Kind, _ values: [String: String] = [:]) {
            problems.append(RegisterProblem(file: note.path, line: number, kind,
                                            values.merging(["proposal": note.proposalID, "label": label, "value": value]) { a, _ in a }))
        }
        guard !value.isEmpty else {
            problem(.emptyField)
            return
        }
        switch field {
        case .status:
            guard let status = ProposalStatus(word: value) else {
                problem(.unknownStatus, ["statuses": ProposalStatus.accepted])
                return
            }
            if note.status != nil, note.status != status {
                problem(.secondStatus)
                return
            }
            note.status = status
        case .date, .due:
            guard ISODate.isValid(value) else {
                problem(.malformedDate)
                return
            }
            if field == .date { note.date = value } else { note.due = value }
        case .decision: note.decision = value
        case .owner: note.owner = value
        case .answers: note.answers += references(value, line: number)
        case .solutions: note.solutions += references(value, line: number)
        }
    }

    /// Ids separated by commas, semicolons or spaces; backticks and a closing full stop dropped.
    static func references(_ value: String, line: Int) -> [ProposalNote.Reference] {
        value.split { $0 == "," || $0 == ";" || $0 == " " || $0 == "`" }
            .map { String($0).trimmingPolicyLabSpace() }
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            .filter { !$0.isEmpty && $0 != "och" && $0 != "and" }
            .map { ProposalNote.Reference(id: $0, line: line) }
    }
}
