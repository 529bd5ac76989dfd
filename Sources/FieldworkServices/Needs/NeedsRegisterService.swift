import FieldworkCore

/// The needs register: every code of kind `need` with its evidence and linked solutions.
public struct NeedsRegisterService: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func register() async throws -> [NeedEvidence] {
        let codebook = try await store.codebook()
        let participants = try await store.participants()
        let known = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var passages: [CodedPassage] = []
        for (documentID, codings) in Dictionary(grouping: try await store.codings(CodingFilter(status: .anchored)), by: \.documentID) {
            guard let document = try await store.document(id: documentID) else { continue }
            let segments = try await store.segments(documentID: documentID)
            for coding in codings {
                let segment = RetrievalService.segment(of: coding, in: segments)
                passages.append(CodedPassage(
                    coding: coding, document: document.metadata, segmentIndex: segment?.index,
                    participants: RetrievalService.participants(speaker: segment?.speaker, document: document.metadata, known: known)))
            }
        }
        return NeedsRegister.evidence(codebook: codebook, passages: passages, participants: participants,
                                      links: try await store.needLinks(needID: nil))
    }

    public func evidence(needID: String) async throws -> NeedEvidence? {
        try await register().first { $0.need.id == needID }
    }
}
