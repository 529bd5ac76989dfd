import FieldworkCore

/// The consent rule for reads that work on segments (agreement, co-occurrence): a segment whose
/// words the rule withholds today is no unit of anything produced now. Counts what it left out.
struct ConsentedSegments {
    let store: any FieldworkStore
    let rule: ConsentRule
    let known: Set<String>
    private(set) var withheld = WithheldCount()

    static func load(_ store: any FieldworkStore) async throws -> ConsentedSegments {
        let participants = try await store.participants()
        return ConsentedSegments(store: store, rule: .today(participants), known: Set(participants.map(\.id)))
    }

    private init(store: any FieldworkStore, rule: ConsentRule, known: Set<String>) {
        self.store = store
        self.rule = rule
        self.known = known
    }

    /// The document's segments whose words may appear today.
    mutating func segments(of documentID: String) async throws -> [Segment] {
        guard let document = try await store.document(id: documentID) else { return [] }
        let segments = try await store.segments(documentID: documentID)
        let text = ScalarText(document.plainText)
        let attributor = PassageAttributor(segments: segments, text: text, known: known)
        let metadata = document.metadata
        return segments.filter { segment in
            let people = attributor.attribute(segment, text: text[segment.span]).participants
            guard case .withheld(let reason) = rule.words(of: people, type: metadata.type, date: metadata.date) else { return true }
            withheld.add(reason)
            return false
        }
    }
}
