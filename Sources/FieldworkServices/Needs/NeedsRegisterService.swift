import FieldworkCore

/// The needs register: every code of kind `need` with its evidence and linked solutions.
public struct NeedsRegisterService: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// `coder`: evidence from that coder's codings only.
    public func register(coder: String? = nil) async throws -> [NeedEvidence] {
        NeedsRegister.evidence(codebook: try await store.codebook(), passages: try await passages(coder: coder),
                               participants: try await store.participants(), links: try await store.needLinks(needID: nil))
    }

    /// Every anchored coding placed in its segment with whose words it holds (the retrieval rule).
    public func passages(coder: String? = nil) async throws -> [CodedPassage] {
        let participants = try await store.participants()
        let known = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var passages: [CodedPassage] = []
        for (documentID, codings) in Dictionary(grouping: try await store.codings(CodingFilter(coder: coder, status: .anchored)), by: \.documentID) {
            guard let document = try await store.document(id: documentID) else { continue }
            let segments = try await store.segments(documentID: documentID)
            for coding in codings {
                let segment = RetrievalService.segment(of: coding, in: segments)
                passages.append(CodedPassage(
                    coding: coding, document: document.metadata, segmentIndex: segment?.index,
                    participants: RetrievalService.participants(speaker: segment?.speaker, document: document.metadata, known: known)))
            }
        }
        return passages
    }

    public func evidence(needID: String) async throws -> NeedEvidence? {
        try await register().first { $0.need.id == needID }
    }
}
