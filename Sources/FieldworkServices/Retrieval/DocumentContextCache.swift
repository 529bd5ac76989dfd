import FieldworkCore

/// A document's text, segments and attribution rule, loaded once per document while a read
/// walks many codings (retrieval, the needs register, the matrix).
struct DocumentContextCache {
    struct Entry {
        let document: StoredDocument
        let text: ScalarText
        let segments: [Segment]
        let attributor: PassageAttributor

        /// The segment a coding belongs to: the last one starting at or before it.
        func segment(of coding: Coding) -> Segment? {
            segments.last { $0.start <= coding.start }
        }

        func attribution(of segment: Segment?) -> Attribution {
            attributor.attribute(segment, text: segment.map { text[$0.span] } ?? "")
        }

        /// Whose words a coding holds: its segment's attribution, plus the people of any later
        /// segment it runs into (a question and its answer), so that the consent rule withholds
        /// it when any of them is withheld. `segment`: the coding's own (`segment(of:)`).
        func attribution(of coding: Coding, in segment: Segment?) -> Attribution {
            var attribution = attribution(of: segment)
            for other in segments where other.start > (segment?.start ?? -1) && other.start < coding.end {
                for person in self.attribution(of: other).participants where !attribution.participants.contains(person) {
                    attribution.participants.append(person)
                }
            }
            return attribution
        }
    }

    let store: any FieldworkStore
    /// Every register id, when the caller read the register whole; nil: each document's
    /// attribution candidates are read from the register as the document is loaded.
    let known: Set<String>?
    private var entries: [String: Entry?] = [:]
    /// Without `known`: the register entries read so far (the candidates of the documents
    /// loaded that exist), and every id asked for.
    private(set) var register: [String: Participant] = [:]
    private var asked: Set<String> = []

    init(store: any FieldworkStore, known: Set<String>) {
        self.store = store
        self.known = known
    }

    /// Reads of the register follow the documents loaded (`PassageAttributor.candidates`, as a
    /// document open does), not the register's size, which grows with the corpus.
    init(readingCandidatesFrom store: any FieldworkStore) {
        self.store = store
        known = nil
    }

    /// Forgets every other document (a read that walks codings in document order needs one).
    mutating func keepOnly(_ documentID: String) {
        if entries[documentID] == nil { entries.removeAll(keepingCapacity: true) }
    }

    mutating func entry(_ documentID: String) async throws -> Entry? {
        if let cached = entries[documentID] { return cached }
        var entry: Entry?
        if let document = try await store.document(id: documentID) {
            let text = ScalarText(document.plainText)
            let segments = try await store.segments(documentID: documentID)
            entry = Entry(document: document, text: text, segments: segments,
                          attributor: PassageAttributor(segments: segments, text: text,
                                                        known: try await known(segments: segments, text: text, document: document)))
        }
        entries[documentID] = entry
        return entry
    }

    /// The register ids the document's attribution may name: all (`known`), or its candidates
    /// that exist, reading those not asked for before.
    private mutating func known(segments: [Segment], text: ScalarText, document: StoredDocument) async throws -> Set<String> {
        if let known { return known }
        let candidates = PassageAttributor.candidates(segments: segments, text: text, named: document.metadata.participants)
        let missing = candidates.subtracting(asked)
        if !missing.isEmpty {
            for participant in try await store.participants(ids: missing) { register[participant.id] = participant }
            asked.formUnion(missing)
        }
        return candidates.filter { register[$0] != nil }
    }
}
