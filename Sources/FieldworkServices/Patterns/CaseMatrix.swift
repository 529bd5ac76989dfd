import FieldworkCore

/// Code × case: how many codings each code has per participant, document, administration or
/// value of a participant attribute, and the passages behind each cell. `export matrix` writes
/// the table as CSV; the `/matrix` page shows it with every cell opening its passages.
///
/// Codings are attributed to people by the attribution rule (the speaker, the authors a note
/// names, or its group's declared members; group notes count for no one), taken from
/// `RetrievalService`, so a cell's count is exactly the number of passages it opens. Only
/// anchored codings count; withheld passages (consent withdrawn) are left out.
public struct CaseMatrix: Sendable {
    public enum Rows: Sendable, Hashable, RawRepresentable {
        case participant
        case document
        case administration
        /// One row per value of this participant attribute (`living_situation`).
        case attribute(String)

        /// `participant`, `document`, `administration` or `attribute:KEY`.
        public init?(rawValue: String) {
            switch rawValue {
            case "participant": self = .participant
            case "document": self = .document
            case "administration": self = .administration
            default:
                guard rawValue.hasPrefix("attribute:"), rawValue.count > "attribute:".count else { return nil }
                self = .attribute(String(rawValue.dropFirst("attribute:".count)))
            }
        }

        public var rawValue: String {
            switch self {
            case .participant: "participant"
            case .document: "document"
            case .administration: "administration"
            case .attribute(let key): "attribute:\(key)"
            }
        }

        /// The heading of the row column: the attribute's key for attribute rows.
        public var label: String {
            if case .attribute(let key) = self { return key }
            return rawValue
        }
    }

    public struct Table: Sendable {
        public var rows: Rows
        /// Row labels in order: participants as listed, documents by id, administrations as
        /// declared, attribute values sorted.
        public var labels: [String]
        /// Participant rows: each participant's role.
        public var roles: [String: String]
        /// Participant rows: each participant's attributes (for attribute columns beside the role).
        public var attributes: [String: [String: String]] = [:]
        /// Every code in codebook tree order.
        public var columns: [String]
        /// counts[row][code]; missing is zero.
        public var counts: [String: [String: Int]]
        /// The distinct participants each cell's codings count for (small-cell suppression counts people).
        public var speakers: [String: [String: Set<String>]]
        /// Passages the consent rule withheld: left out of every cell.
        public var withheld: WithheldCount
        public var codings: Int
        /// Codings that count for no row (group notes, the interviewer's turns); zero for document rows.
        public var unattributed: Int

        public func count(_ row: String, _ code: String) -> Int { counts[row]?[code] ?? 0 }
        /// The columns with a count in some row (what a page shows), in codebook tree order.
        public var countedColumns: [String] { columns.filter { code in labels.contains { count($0, code) > 0 } } }
        public func people(_ row: String, _ code: String) -> Int { speakers[row]?[code]?.count ?? 0 }
        /// A participant row's value of an attribute ("" where it has none).
        public func attribute(_ row: String, _ key: String) -> String { attributes[row]?[key] ?? "" }
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// `includeChildren`: a code's column also counts the codings of every code below it.
    /// `coder`: only that coder's codings.
    public func table(rows: Rows, includeChildren: Bool = false, coder: String? = nil) async throws -> Table {
        let codebook = try await store.codebook()
        let participants = try await store.participants()
        try Self.requireKnown(rows, participants: participants)
        let people = Dictionary(uniqueKeysWithValues: participants.map { ($0.id, $0) })
        // Attribute values only of participants whose details may be shown (consent in force, not
        // restricted to other coders): a withdrawn resident's age band and household stood beside
        // their (empty) row, and a value only they had was a row.
        let rule = ConsentRule.today(participants)
        let described = people.filter { rule.caseWithheld($0.value) == nil }
        let labels: [String] = switch rows {
        case .participant: participants.map(\.id)
        case .document: try await store.documents().map(\.metadata.id).sorted()
        case .administration: Administration.allCases.map(\.rawValue)
        case .attribute(let key): Set(described.values.compactMap { $0.attributes[key].map(AttributeValue.display) }).sorted()
        }
        var counts: [String: [String: Int]] = [:]
        var speakers: [String: [String: Set<String>]] = [:]
        var withheld = WithheldCount()
        var codings = 0, unattributed = 0
        let retrieval = RetrievalService(store: store)
        // Retrieving each top-level code with its children visits every coding exactly once.
        for root in codebook.roots {
            var filter = RetrievalService.Filter(code: root.id)
            filter.coder = coder
            for item in try await retrieval.retrieve(filter).items {
                if let reason = item.withheld {
                    withheld.add(reason)
                    continue
                }
                codings += 1
                let keys = Self.keys(of: item, rows: rows, people: people)
                if keys.isEmpty { unattributed += 1 }
                let codes = includeChildren ? Self.ancestry(of: item.coding.codeID, in: codebook) : [item.coding.codeID]
                for key in keys {
                    for code in codes {
                        counts[key, default: [:]][code, default: 0] += 1
                        speakers[key, default: [:]][code, default: []].formUnion(item.participants)
                    }
                }
            }
        }
        return Table(rows: rows, labels: labels, roles: rows == .participant ? people.mapValues(\.role.rawValue) : [:],
                     attributes: rows == .participant ? described.mapValues(\.attributes) : [:],
                     columns: Self.treeOrder(codebook), counts: counts, speakers: speakers, withheld: withheld, codings: codings,
                     unattributed: rows == .document ? 0 : unattributed)
    }

    /// The passages counted in one cell, in document order: as many as `table` counts there.
    public func passages(rows: Rows, row: String, code: String, includeChildren: Bool = false,
                         coder: String? = nil) async throws -> [RetrievalService.Item] {
        let participants = try await store.participants()
        try Self.requireKnown(rows, participants: participants)
        let people = Dictionary(uniqueKeysWithValues: participants.map { ($0.id, $0) })
        var filter = RetrievalService.Filter(code: code)
        filter.includeChildren = includeChildren
        filter.coder = coder
        return try await RetrievalService(store: store).retrieve(filter).items.filter {
            $0.withheld == nil && Self.keys(of: $0, rows: rows, people: people).contains(row)
        }
    }

    /// The attribute keys participants carry, sorted (the page offers a row choice per key).
    public func attributeKeys() async throws -> [String] {
        Set(try await store.participants().flatMap(\.attributes.keys)).sorted()
    }

    /// Attribute rows name a key some participant carries: a misspelt key gave an empty table
    /// (every coding "in no row") and exit status 0, read as "no one has a value".
    static func requireKnown(_ rows: Rows, participants: [Participant]) throws {
        guard case .attribute(let key) = rows else { return }
        try requireKnown(attributes: [key], participants: participants)
    }

    /// Throws `UnknownName` for the first key no participant carries, with the nearest keys.
    public static func requireKnown(attributes keys: [String], participants: [Participant]) throws {
        let known = Set(participants.flatMap(\.attributes.keys))
        for key in keys {
            try UnknownName.require(key, kind: "participant attribute", place: "in corpus/participants.yaml", known: known)
        }
    }

    /// The rows a passage counts for: its people, its document, the administrations supporting
    /// its residents, or its people's values of the attribute.
    static func keys(of item: RetrievalService.Item, rows: Rows, people: [String: Participant]) -> Set<String> {
        switch rows {
        case .participant: Set(item.participants)
        case .document: [item.document.id]
        case .administration: Set(NeedsRegister.residentAdministrations(of: item.participants, people: people).map(\.rawValue))
        case .attribute(let key): Set(item.participants.compactMap { people[$0]?.attributes[key].map(AttributeValue.display) })
        }
    }

    /// Depth first, children after their parent, as the codebook YAML nests them.
    static func treeOrder(_ codebook: Codebook) -> [String] {
        func walk(_ code: Code) -> [String] { [code.id] + codebook.children(of: code.id).flatMap(walk) }
        return codebook.roots.flatMap(walk)
    }

    /// The code and every code above it.
    static func ancestry(of id: String, in codebook: Codebook) -> [String] {
        var result = [id]
        var current = codebook[id]?.parentID
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = codebook[parent]?.parentID
        }
        return result
    }
}
