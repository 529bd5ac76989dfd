import FieldworkCore

/// Full-text search for both faces, with the consent rule applied: a hit in words the rule
/// withholds today is left out and counted (the page says how many, never whose). A page is the
/// store's page of the ranking (`limit` from `offset`) less what the rule withholds, so the
/// next page starts at `offset + limit` whatever was withheld.
public struct SearchService: Sendable {
    public struct Result: Sendable {
        public var hits: [SearchHit]
        public var withheld: WithheldCount
        /// Whether the ranking goes on after this page.
        public var more = false
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func search(_ query: SearchQuery) async throws -> Result {
        if let problem = query.problem { throw SearchQueryError(problem) }
        var lookahead = query
        lookahead.limit += 1  // one more than the page tells whether another follows
        var hits = try await store.search(lookahead)
        let more = hits.count > query.limit
        hits = Array(hits.prefix(query.limit))
        guard !hits.isEmpty else { return Result(hits: [], withheld: WithheldCount()) }
        // Turns name their speakers, so when every hit is a turn only those are read; a note
        // (named authors, a group's roster) needs to know every participant id.
        let speakers = hits.compactMap(\.speaker)
        let participants = speakers.count == hits.count
            ? try await store.participants(ids: Set(speakers)) : try await store.participants()
        let consent = ConsentRule.today(participants)
        let known = Set(participants.map(\.id))
        var documents = DocumentContextCache(store: store, known: known)
        var kept: [SearchHit] = []
        var withheld = WithheldCount()
        for hit in hits {
            // A turn needs only what the hit carries (speaker, the document's type and date); a
            // note (named authors, a group's roster) its document's text and segments.
            let people: [String]
            if let speaker = hit.speaker {
                people = PassageAttributor.attribute(speaker: speaker, known: known).participants
            } else {
                guard let entry = try await documents.entry(hit.documentID) else { continue }
                let segment = entry.segments.first { $0.index == hit.segmentIndex }
                people = entry.attribution(of: segment).participants
            }
            if case .withheld(let reason) = consent.words(of: people, type: hit.documentType, date: hit.documentDate) {
                withheld.add(reason)
            } else {
                kept.append(hit)  // its snippet marks only the rule's matches (`SearchQuery.shownSnippet`, in the store)
            }
        }
        return Result(hits: kept, withheld: withheld, more: more)
    }
}
