import FieldworkCore

/// Builds agreement decisions and co-occurrence counts from the store's anchored codings; both
/// faces (CLI and API) call it, so they print the same numbers.
public struct AgreementService: Sendable {
    public struct Request: Sendable, Hashable {
        /// The coders to compare; nil: everyone with an anchored coding in the documents considered
        /// but the consensus coder (it is compared only when named: it codes after the others),
        /// less a coder whose few documents would shrink what the others share (`DefaultComparedCoders`).
        public var coders: [String]?
        /// Compare only this code.
        public var code: String?
        /// A coding of a code below a compared code counts for it.
        public var includeChildren = false
        /// Only these documents (empty: every document).
        public var documents: [String] = []

        public init(coders: [String]? = nil, code: String? = nil, includeChildren: Bool = false, documents: [String] = []) {
            self.coders = coders
            self.code = code
            self.includeChildren = includeChildren
            self.documents = documents
        }
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func agreement(_ request: Request) async throws -> AgreementReport {
        let codebook = try await store.codebook()
        if let code = request.code, !codebook.contains(code) {
            // The page and the API say the nearest codes, as the CLI does (found by a new user).
            throw CodingError.unknownCodeNear(code, UnknownName(kind: "code", name: code, place: "", known: codebook.codes.map(\.id)).suggestions)
        }
        let ids = try await documentIDs(request.documents)
        let codings = try await anchoredCodings(in: ids)
        var setAside: [String] = []
        let coders: [String]
        if let named = request.coders {
            coders = Self.unique(named)
        } else {
            var documents: [String: Set<String>] = [:]
            for coding in codings.values.joined() where coding.coder != Consensus.coder {
                documents[coding.coder, default: []].insert(coding.documentID)
            }
            (coders, setAside) = DefaultComparedCoders.choose(documents.keys.sorted(), documents: documents)
        }
        try await requireKnown(coders, codedHere: Set(codings.values.joined().map(\.coder)))
        let compared = Set(coders)
        var documents: [CodedDocument] = []
        var consented = try await ConsentedSegments.load(store)
        for id in ids {
            let own = (codings[id] ?? []).filter { compared.contains($0.coder) }
            // Segments only where every coder coded: the other documents hold no units.
            let needed = !coders.isEmpty && Set(own.map(\.coder)).count == compared.count
            documents.append(CodedDocument(id: id, segments: needed ? try await consented.segments(of: id) : [], codings: own))
        }
        var report = AgreementDecisions.build(documents: documents, coders: coders, codebook: codebook, code: request.code,
                                              includeChildren: request.includeChildren).report()
        report.consent = ConsentApplied(date: consented.rule.today, withheldSegments: consented.withheld)
        report.setAside = setAside
        return report
    }

    /// Codes applied to the same segments, by `coder` or by anyone.
    public func cooccurrence(coder: String? = nil) async throws -> Cooccurrence {
        let codebook = try await store.codebook()
        var documents: [CodedDocument] = []
        // Segments whose words consent withholds today are no units: their codings count nowhere.
        var consented = try await ConsentedSegments.load(store)
        for (id, codings) in try await anchoredCodings(in: nil, coder: coder).sorted(by: { $0.key < $1.key }) {
            documents.append(CodedDocument(id: id, segments: try await consented.segments(of: id), codings: codings))
        }
        var counts = Cooccurrence.count(documents, coder: coder, codebook: codebook)
        counts.consent = ConsentApplied(date: consented.rule.today, withheldSegments: consented.withheld)
        return counts
    }

    /// The named documents (each must exist), or every document, in the store's order.
    func documentIDs(_ named: [String]) async throws -> [String] {
        let all = try await store.documents().map(\.metadata.id)
        guard !named.isEmpty else { return all }
        let known = Set(all)
        for name in named { try UnknownName.require(name, kind: "document", place: "in the corpus", known: known) }
        return Self.unique(named)
    }

    func anchoredCodings(in documents: [String]?, coder: String? = nil) async throws -> [String: [Coding]] {
        var filter = CodingFilter(coder: coder, status: .anchored)
        if let documents, documents.count == 1 { filter.documentID = documents[0] }
        let codings = try await store.codings(filter)
        let wanted = documents.map(Set.init)
        return Dictionary(grouping: codings.filter { wanted?.contains($0.documentID) ?? true }, by: \.documentID)
    }

    /// A named coder with no coding anywhere in the workspace is a mistyped name (names are
    /// compared exactly): say so and list the names there are, instead of an empty comparison.
    private func requireKnown(_ coders: [String], codedHere: Set<String>) async throws {
        let absent = coders.filter { !codedHere.contains($0) }
        guard !absent.isEmpty else { return }
        let known = Set(try await store.codings(CodingFilter(status: .anchored)).map(\.coder))
        for name in absent { try UnknownName.require(name, kind: "coder", place: "with codings", known: known) }
    }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
