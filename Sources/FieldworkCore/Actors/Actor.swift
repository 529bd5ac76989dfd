/// An organisation or group that appears in the study, declared in `corpus/actors.yaml`.
public struct Actor: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case administration
        case residentGroup = "resident-group"
        case civilSociety = "civil-society"
        case company
        case authority
        case research

        public var displayName: String {
            switch self {
            case .administration: "Administration"
            case .residentGroup: "Resident group"
            case .civilSociety: "Civil society"
            case .company: "Company"
            case .authority: "Authority"
            case .research: "Research"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var sector: String?
    public var notes: String?
    /// The codebook code (kind `actor`) whose codings are this actor's mentions; its children count too.
    public var code: String?
    /// For city administrations: which one, so needs reach it through the participants it supports.
    public var administration: Administration?
    public var source: SourceLocation?

    public init(
        id: String, name: String, kind: Kind, sector: String? = nil, notes: String? = nil, code: String? = nil,
        administration: Administration? = nil, source: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.sector = sector
        self.notes = notes
        self.code = code
        self.administration = administration
        self.source = source
    }
}

/// A relation between two actors that somebody declared (not derived from the material).
public struct DeclaredRelation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case funds
        case supports
        case informs
        case providesDataTo = "provides-data-to"
        case refersTo = "refers-to"

        /// The relation in words, for the key of a drawn map: `provides data to`.
        public var words: String { rawValue.split(separator: "-").joined(separator: " ") }
    }

    public var from: String
    public var to: String
    public var kind: Kind
    public var note: String?

    public init(from: String, to: String, kind: Kind, note: String? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.note = note
    }
}

/// The contents of `corpus/actors.yaml`.
public struct ActorCatalogue: Sendable, Hashable {
    public var actors: [Actor]
    public var relations: [DeclaredRelation]

    public init(actors: [Actor] = [], relations: [DeclaredRelation] = []) {
        self.actors = actors
        self.relations = relations
    }
}
