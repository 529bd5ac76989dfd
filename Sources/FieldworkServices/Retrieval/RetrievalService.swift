import FieldworkCore

/// "Show me everything coded X" (or X or Y): codings of codes and their children, each with the words around
/// it, who said it and where, filterable the way analysts slice material.
public struct RetrievalService: Sendable {
    public struct Filter: Sendable, Hashable {
        public var code: String
        /// More codes: a passage coded with any of `code` and these is retrieved (once per coding).
        public var moreCodes: [String] = []
        public var includeChildren = true
        public var coder: String?
        public var administration: Administration?
        public var documentType: DocumentType?
        /// `key=value` on participant attributes, e.g. `living_situation=alone`.
        public var attribute: (key: String, value: String)?
        /// Paging: passages `offset..<offset + limit` in document and position order (no limit: all).
        public var offset = 0
        public var limit: Int?

        public init(code: String) {
            self.code = code
        }

        public static func == (lhs: Filter, rhs: Filter) -> Bool {
            lhs.code == rhs.code && lhs.moreCodes == rhs.moreCodes && lhs.includeChildren == rhs.includeChildren && lhs.coder == rhs.coder
                && lhs.administration == rhs.administration && lhs.documentType == rhs.documentType
                && lhs.attribute?.key == rhs.attribute?.key && lhs.attribute?.value == rhs.attribute?.value
                && lhs.offset == rhs.offset && lhs.limit == rhs.limit
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
        /// Set when the consent rule withholds the words: quote, context and memo are then empty
        /// (researcher views show a "withheld: consent" marker; exports leave the passage out).
        public var withheld: ConsentRule.Reason?
    }

    static let contextLength = 160

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// The passages of `filter`'s page, and whether more follow it. Documents are read one at a
    /// time in id order and only the current one is kept, so memory follows the page, not the
    /// corpus (a broad code over a large corpus grew the server by hundreds of megabytes).
    public func retrieve(_ filter: Filter) async throws -> (items: [Item], more: Bool) {
        let codebook = try await store.codebook()
        var codes: [String] = []
        for code in [filter.code] + filter.moreCodes {
            guard codebook.contains(code) else { throw CodingError.unknownCode(code) }
            for id in filter.includeChildren ? codebook.subtree(of: code) : [code] where !codes.contains(id) { codes.append(id) }
        }
        let codings = try await store.codings(CodingFilter(codeIDs: codes, coder: filter.coder, status: .anchored))
            .sorted { ($0.documentID, $0.start, $0.end, $0.id) < ($1.documentID, $1.start, $1.end, $1.id) }
        guard !codings.isEmpty else { return ([], false) }
        var items: [Item] = []
        // Only the register entries the documents walked may name are read (the register grows
        // with the corpus); consent and the filters ask about the people of each passage only.
        var documents = DocumentContextCache(readingCandidatesFrom: store)
        var consent = ConsentRule.today([])
        var participants: [String: Participant] = [:]
        var skipped = 0
        var mask: (document: String, mask: ConsentMask)?
        for coding in codings {
            // Codings come in document order: holding one document at a time keeps memory flat.
            documents.keepOnly(coding.documentID)
            guard let entry = try await documents.entry(coding.documentID) else { continue }
            if documents.register.count != participants.count {
                participants = documents.register
                consent = ConsentRule.today(Array(participants.values))
            }
            let metadata = entry.document.metadata
            if let type = filter.documentType, metadata.type != type { continue }
            let segment = entry.segment(of: coding)
            let attribution = entry.attribution(of: coding, in: segment)
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
               !people.contains(where: { participants[$0]?.attributes[attribute.key].map { AttributeValue.same($0, attribute.value) } == true }) { continue }
            if skipped < filter.offset {
                skipped += 1
                continue
            }
            if let limit = filter.limit, items.count == limit { return (items, true) }
            let text = entry.text
            // Up to 160 scalars either side, inside the segment, cut at word boundaries.
            let lower = text.wordStart(from: max(segment?.start ?? 0, coding.start - Self.contextLength), limit: coding.start)
            let upper = text.wordEnd(from: min(segment.map { max($0.end, coding.end) } ?? text.count, coding.end + Self.contextLength),
                                     limit: coding.end)
            var item = Item(coding: coding, document: metadata, speaker: segment?.speaker, heading: segment?.heading,
                            attribution: attribution, contextBefore: text[lower..<coding.start],
                            contextAfter: text[coding.end..<upper])
            if case .withheld(let reason) = consent.words(of: people, type: metadata.type, date: metadata.date) {
                item.withhold(reason)
            } else {
                // The coding's own context reaches into neighbouring turns: cut where withheld words begin.
                if mask?.document != coding.documentID {
                    mask = (coding.documentID, ConsentMask(document: metadata, segments: entry.segments, text: text,
                                                           attributor: entry.attributor, rule: consent))
                }
                item.coding = mask?.mask.clean(coding) ?? coding
            }
            items.append(item)
        }
        return (items, false)
    }
}

extension RetrievalService.Item {
    /// Empties everything that carries the participant's words, so no face can show them.
    mutating func withhold(_ reason: ConsentRule.Reason) {
        withheld = reason
        coding.anchor = TextQuoteAnchor(quote: "", prefix: "", suffix: "", start: coding.start, end: coding.end)
        coding.memo = nil
        contextBefore = ""
        contextAfter = ""
    }
}
