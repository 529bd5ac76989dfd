import FieldworkCore
/// What an import brought in, and everything it could not map, item by item.
public struct ImportReport: Sendable, Hashable, Encodable {
    public struct Problem: Sendable, Hashable, Encodable {
        /// What it is, as a reader finds it: `source "Interview 3"`, `selection 12a4… in int-001`.
        public var item: String
        public var reason: String

        public init(item: String, reason: String) {
            self.item = item
            self.reason = reason
        }

        public var description: String { "\(item): \(reason)" }
    }

    public struct SourceMapping: Sendable, Hashable, Encodable {
        public var source: String
        public var document: String
        /// How the source's positions were read, and why.
        public var positions: PositionReading = .codePoints
        public var basis: String = ""
    }

    /// A corpus file made from a source that no document matched.
    public struct CreatedDocument: Sendable, Hashable, Encodable {
        public var source: String
        public var path: String
        /// The speaker labels recognised (none: a `note` without turns).
        public var speakers: [String]
        /// The front matter's participants: speakers and cases of the source that are participants.
        public var participants: [String]
    }

    /// A participant made from one of the project's cases.
    public struct CreatedParticipant: Sendable, Hashable, Encodable {
        public var id: String
        /// The case's name; nil when it looked like a person's name and was kept out of the corpus.
        public var caseName: String?
        public var role: String
        public var roleBasis: String
        public var attributes: Int

        enum CodingKeys: String, CodingKey {
            case id, role, attributes
            case caseName = "case_name", roleBasis = "role_basis"
        }
    }

    public var file: String
    /// New entries for `corpus/participants.yaml`, without consent.
    public var participantsCreated: [CreatedParticipant] = []
    /// Case variables that differ from an existing participant's attributes (which are kept).
    public var caseConflicts: [String] = []
    /// Cases that are participants of the register already and take part in no new document.
    public var casesAlreadyParticipants = 0
    public var documentsCreated: [CreatedDocument] = []
    public var origin: String?
    /// False when nothing was written: a dry run, or a strict import with problems.
    public var written = false
    /// A codebook import: no sources, codings or memos to speak of.
    public var codebookOnly = false
    public var dryRun = false
    public var sources: [SourceMapping] = []
    public var codesMatched = 0
    public var codesAdded: [String] = []
    public var codesMatchedByName: [String] = []
    /// Codings that came with a memo (from a note or the selection's description).
    public var codingMemos = 0
    public var codingsImported = 0
    public var codingsAlreadyPresent = 0
    public var memosImported = 0
    public var memosAlreadyPresent = 0
    /// Things in the file that Fieldwork does not hold (media sources, sets, graphs, cases …).
    public var notImported: [String] = []
    public var problems: [Problem] = []

    public init(file: String, origin: String? = nil) {
        self.file = file
        self.origin = origin
    }

    /// Whether everything in the file that Fieldwork can hold was mapped.
    public var isComplete: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case file, origin, written, sources, problems
        case dryRun = "dry_run", documentsCreated = "documents_created"
        case participantsCreated = "participants_created", caseConflicts = "case_conflicts"
        case codesMatched = "codes_matched", codesAdded = "codes_added", codesMatchedByName = "codes_matched_by_name",
             codingMemos = "coding_memos", codingsImported = "codings_imported"
        case codingsAlreadyPresent = "codings_already_present", memosImported = "memos_imported"
        case memosAlreadyPresent = "memos_already_present", notImported = "not_imported"
    }

    /// The report for people: counts first, then every problem on its own line.
    public var lines: [String] {
        let outcome = written ? "imported" : dryRun ? "dry run, nothing written:" : "nothing written (--strict, not everything maps):"
        var lines = ["\(outcome) \(file)" + (origin.map { " (made by \($0))" } ?? "")]
        if !codebookOnly {
            // Sources that matched no document become new documents (below): not "mapped" to any.
            let created = documentsCreated.count
            lines.append("  sources: \(sources.count)" + (created == 0 ? " mapped to documents"
                : " (\(sources.count - created) matched to documents here, \(created) \(written ? "created as" : "to create as") new documents)"))
            for source in sources {
                let name = source.source == source.document ? source.document : "\(source.source) → \(source.document)"
                lines.append("    \(name): positions read as \(source.positions.rawValue) (\(source.basis))")
            }
            if !documentsCreated.isEmpty {
                lines.append("  documents: \(documentsCreated.count) \(written ? "created" : "to create") from sources no document matched")
                for document in documentsCreated {
                    let turns = document.speakers.isEmpty ? "no speaker turns" : "speakers " + document.speakers.joined(separator: ", ")
                    let people = document.participants.isEmpty ? "" : "; participants " + document.participants.joined(separator: ", ")
                    lines.append("    \(document.path) from \(document.source) (\(turns)\(people))")
                }
            }
        }
        lines += participantLines
        lines.append("  codes: \(codesMatched) matched (\(codesMatchedByName.count) by name), \(codesAdded.count) new")
        lines += codesMatchedByName.map { "    matched by name: \($0)" }
        lines += codesAdded.map { "    new: \($0)" }
        if !codebookOnly {
            lines.append("  codings: \(codingsImported) new, \(codingsAlreadyPresent) already present")
            lines.append("  memos: \(memosImported) new, \(memosAlreadyPresent) already present"
                + (codingMemos == 0 ? "" : "; \(EnglishCount.of(codingMemos, "memo")) of new codings kept on them"))
        }
        if !notImported.isEmpty {
            lines.append("  not imported:")
            lines += notImported.map { "    \($0)" }
        }
        if !problems.isEmpty {
            lines.append("could not map \(problems.count) item\(problems.count == 1 ? "" : "s"):")
            lines += problems.map { "  " + $0.description }
        }
        return lines
    }

    private var participantLines: [String] {
        var lines: [String] = []
        if !participantsCreated.isEmpty {
            lines.append("  participants: \(participantsCreated.count) \(written ? "added" : "to add") to corpus/participants.yaml from cases")
            for made in participantsCreated {
                let origin = made.caseName.map { "case \"\($0)\"" } ?? "a case whose name looks like a person's (kept out of the corpus; check it)"
                lines.append("    \(made.id) from \(origin): role \(made.role) (\(made.roleBasis)), \(EnglishCount.of(made.attributes, "attribute"))")
            }
            lines.append("    no consent recorded for \(participantsCreated.count == 1 ? "the new participant: their" : "the \(participantsCreated.count) new participants: their") words are withheld until a consent is added")
        }
        if casesAlreadyParticipants > 0 {
            lines.append("  cases: \(casesAlreadyParticipants) already participants in corpus/participants.yaml")
        }
        if !caseConflicts.isEmpty {
            lines.append("  case variables that differ from participants.yaml (not overwritten):")
            lines += caseConflicts.map { "    \($0)" }
        }
        return lines
    }
}
