import FieldworkCore

/// The passages behind a co-occurrence pair: each segment where both codes are applied, with its
/// words (unless the consent rule withholds them) and the codings of the two codes there.
public struct SegmentPassage: Sendable, Hashable {
    public var document: DocumentMetadata
    public var segment: Segment
    /// The segment's text; empty when withheld.
    public var text: String
    public var withheld: ConsentRule.Reason?
    /// The codings of the pair's codes overlapping the segment (of the coder asked for, or anyone's).
    public var codings: [Coding]

    /// Who applied `code` here, by name.
    public func coders(of code: String) -> [String] {
        Set(codings.filter { $0.codeID == code }.map(\.coder)).sorted()
    }
}

extension AgreementService {
    /// The segments where `codeA` and `codeB` are both applied, by `coder` or anyone: those not
    /// withheld are as many as the pair's `both` in `cooccurrence(coder:)`, which does not count
    /// withheld segments.
    public func cooccurrencePassages(_ codeA: String, _ codeB: String, coder: String? = nil) async throws -> [SegmentPassage] {
        let codebook = try await store.codebook()
        for code in [codeA, codeB] where !codebook.contains(code) { throw CodingError.unknownCode(code) }
        let participants = try await store.participants()
        let consent = ConsentRule.today(participants)
        var cache = DocumentContextCache(store: store, known: Set(participants.map(\.id)))
        var passages: [SegmentPassage] = []
        for (id, codings) in try await anchoredCodings(in: nil, coder: coder).sorted(by: { $0.key < $1.key }) {
            let pair = codings.filter { $0.codeID == codeA || $0.codeID == codeB }
            guard Set(pair.map(\.codeID)).count == 2 else { continue }
            cache.keepOnly(id)
            guard let entry = try await cache.entry(id) else { continue }
            let document = CodedDocument(id: id, segments: entry.segments, codings: pair)
            for (_, segment) in Cooccurrence.segments(withBoth: codeA, codeB, in: [document], coder: coder) {
                let metadata = entry.document.metadata
                let people = entry.attribution(of: segment).participants
                var passage = SegmentPassage(document: metadata, segment: segment, text: entry.text[segment.span], withheld: nil,
                                             codings: pair.filter { $0.start < segment.end && $0.end > segment.start }
                                                 .sorted { ($0.codeID == codeA ? 0 : 1, $0.coder, $0.start) < ($1.codeID == codeA ? 0 : 1, $1.coder, $1.start) })
                if case .withheld(let reason) = consent.words(of: people, type: metadata.type, date: metadata.date) {
                    passage.text = ""
                    passage.withheld = reason
                }
                passages.append(passage)
            }
        }
        return passages
    }
}
