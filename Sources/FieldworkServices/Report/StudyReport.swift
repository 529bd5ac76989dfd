import FieldworkCore

/// What the study report says: the city's deliverable from the coded material, assembled by
/// `StudyReportService` with the consent rule, access and (for publication) small cells already
/// applied, and rendered by `ReportHTMLRenderer` and `ReportMarkdownRenderer`. Counts are kept
/// as numbers; `count(_:)` shows them as the report may (`< k` below k for publication).
/// Every list is in a stable order, so the same workspace gives the same bytes.
public struct StudyReport: Sendable {
    public struct DocumentCount: Sendable, Hashable {
        public var type: DocumentType
        public var count: Int
    }

    /// One role: how many people, and how many under each administration.
    public struct RoleRow: Sendable, Hashable {
        public var role: ParticipantRole
        public var total: Int
        public var byAdministration: [Administration: Int]
    }

    public struct LinkedSolution: Sendable, Hashable {
        public var name: String
        public var status: NeedSolutionLink.Status
    }

    public struct NeedSection: Sendable, Hashable {
        public var id: String
        public var name: String
        public var description: String?
        public var residents: Int
        public var relatives: Int
        public var staff: Int
        public var groupNotes: Int
        /// Nil when hidden (publication: fewer than k residents would be pointed at).
        public var administrations: [Administration]?
        public var quotes: [Handout.Quote]
        public var quotesWithheld: Int
        /// Barrier and precondition names coded in the same passages.
        public var seenWith: [String]
        public var solutions: [LinkedSolution]
    }

    /// A barrier or precondition.
    public struct ObstacleSection: Sendable, Hashable {
        public var id: String
        public var name: String
        public var kind: CodeKind
        public var residents: Int
        public var people: Int
        public var needs: [String]
    }

    public struct SolutionSection: Sendable, Hashable {
        public struct Need: Sendable, Hashable {
            public var name: String
            public var status: NeedSolutionLink.Status
        }

        public var id: String
        public var name: String
        public var description: String
        public var needs: [Need]
        /// The solution's administrations that support residents raising its needs.
        public var fit: [Administration]
        public var costToResident: String
        public var competence: String
    }

    public struct PilotSection: Sendable, Hashable {
        public var solution: String
        public var households: Int
        public var days: Int
        public var readings: Int
        /// Nil for a solution without a door signal.
        public var nightOpenings: Int?
        /// Nil for a solution without an activity signal.
        public var inactivity: Int?
        public var inactivityHours: Double
    }

    public struct ProposalSection: Sendable, Hashable {
        public var id: String
        public var title: String
        public var status: ProposalStatus
        public var date: String?
        public var owner: String?
        public var answers: [String]
        public var solutions: [String]
        public var residents: Int
    }

    public var language: String
    /// For publication: counts below k as "< k".
    public var smallCells: SmallCells?
    public var consentDate: String
    public var firstDate: String?
    public var lastDate: String?
    /// Documents where the consensus decided something.
    public var adjudicatedDocuments: Int
    public var documents: [DocumentCount]
    public var participants: [RoleRow]
    public var needs: [NeedSection]
    public var obstacles: [ObstacleSection]
    public var solutions: [SolutionSection]
    /// Graphviz's `<svg>` element (escaped by Graphviz), nil when there is no map.
    public var actorMapSVG: String?
    /// Why there is no map (Graphviz missing), in the report's language.
    public var actorMapMissing: Bool
    public var timeZone: String
    public var pilots: [PilotSection]
    public var proposals: [ProposalSection]
    /// Access restricts policy-lab notes to named coders, and the reader is not one of them.
    public var proposalsRestricted: Bool
    /// Passages the consent rule or access left out of the evidence.
    public var evidenceWithheld: Int
    public var metadata: ExportMetadata

    var texts: ReportTexts { ReportTexts.of(language: language) ?? .english }

    /// A count as the report shows it.
    func count(_ value: Int) -> String { smallCells?.show(value) ?? String(value) }

    /// Whether a count is hidden (publication, below k).
    func hides(_ value: Int) -> Bool { smallCells?.suppresses(value) ?? false }
}

public enum ReportError: Error, CustomStringConvertible {
    case unsupportedLanguage(String)

    public var description: String {
        switch self {
        case .unsupportedLanguage(let language):
            "the report is written in \(ReportTexts.languages.joined(separator: " or ")), not '\(language)'"
        }
    }
}
