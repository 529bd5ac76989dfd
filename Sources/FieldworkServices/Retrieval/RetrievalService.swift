import FieldworkCore

/// "Show me everything coded X": codings of a code and its children, each with the words around
/// it, who said it and where, filterable the way analysts slice material.
public struct RetrievalService: Sendable {
    public struct Filter: Sendable, Hashable {
        public var code: String
        public var includeChildren = true
        public var coder: String?
        public var administration: Administration?
        public var documentType: DocumentType?
        /// `key=value` on participant attributes, e.g. `living_situation=alone`.
        public var attribute: (key: String, value: String)?

        public init(code: String) {
            self.code = code
        }

        public static func == (lhs: Filter, rhs: Filter) -> Bool {
            lhs.code == rhs.code && lhs.includeChildren == rhs.includeChildren && lhs.coder == rhs.coder
                && lhs.administration == rhs.administration && lhs.documentType == rhs.documentType
                && lhs.attribute?.key == rhs.attribute?.key && lhs.attribute?.value == rhs.attribute?.value
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            hasher.combine(coder)
        }
    }

    public struct Item: Sendable, Hashable {
        public var coding: Coding
        public var document: DocumentMetadata
        public var speaker: String?
        public var heading: String?
        /// Whose words these are and why (the attribution rule).
        public var attribution: Attribution
        /// The participants the passage counts for (empty for group notes).
        public var participants: [String] { attribution.participants }
        public var contextBefore: String
        public var contextAfter: String
    }

    static let contextLength = 160

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func retrieve(_ filter: Filter) async throws -> [Item] {
        let codebook = try await store.codebook()
        guard codebook.contains(filter.code) else { throw CodingError.unknownCode(filter.code) }
        let codes = filter.includeChildren ? codebook.subtree(of: filter.code) : [filter.code]
        let codings = try await store.codings(CodingFilter(codeIDs: codes, coder: filter.coder, status: .anchored))
        let participants = Dictionary(uniqueKeysWithValues: try await store.participants().map { ($0.id, $0) })
        var items: [Item] = []
        var documents = DocumentContextCache(store: store, known: Set(participants.keys))
        for coding in codings {
            guard let entry = try await documents.entry(coding.documentID) else { continue }
            let metadata = entry.document.metadata
            if let type = filter.documentType, metadata.type != type { continue }
            let segment = entry.segment(of: coding)
            let attribution = entry.attribution(of: segment)
            let people = attribution.participants
            if let administration = filter.administration {
                // Through the residents whose words these are (staff work for an administration;
                // they are not supported by it); a group note through its document's administrations.
                let supported = attribution.isIndividual
                    ? NeedsRegister.residentAdministrations(of: people, people: participants).contains(administration)
                    : metadata.administrations.contains(administration)
                if !supported { continue }
            }
            if let attribute = filter.attribute,
               !people.contains(where: { participants[$0]?.attributes[attribute.key] == attribute.value }) { continue }
            let text = entry.text
            let lower = max(segment?.start ?? 0, coding.start - Self.contextLength)
            let upper = min(segment.map { max($0.end, coding.end) } ?? text.count, coding.end + Self.contextLength)
            items.append(Item(coding: coding, document: metadata, speaker: segment?.speaker, heading: segment?.heading,
                              attribution: attribution, contextBefore: text[lower..<coding.start],
                              contextAfter: text[coding.end..<upper]))
        }
        return items
    }
}
