/// What the store does to erase a participant (GDPR art. 17): the rows go, not just out of view.
public protocol ErasureStore: Sendable {
    /// In one transaction deletes the rows (with the quotes, context and memo texts they hold) of:
    /// every coding — live, removed or orphaned — of the documents to remove, every coding whose
    /// span overlaps a passage to erase, every orphaned coding of those documents whose quote is
    /// in such a passage; the memos of the documents to remove; those documents (segments, participant
    /// links, source-file records); the participant (consents) and their telemetry devices with
    /// every reading and rollup. Returns what it deleted. The codings' histories stay: they
    /// hold codes, spans and names, no words.
    func erase(_ plan: StoreErasure) async throws -> StoreErasure.Deleted
    /// Cuts every coding's quote context (prefix, suffix) of these documents again from their
    /// current text: after a document lost passages, a neighbouring coding's context must not
    /// keep the removed words.
    func refreshCodingContext(documentIDs: [String]) async throws
    /// Builds the full-text index afresh (deleting from it only adds tombstones beside the old
    /// tokens), rewrites the database without free pages (`VACUUM`) and empties the write-ahead
    /// log, so deleted text is left in no page of either file.
    func compact() async throws
}

public struct StoreErasure: Sendable, Hashable {
    public var participantID: String
    /// Document id → the spans (in its current text) of the passages to erase.
    public var passages: [String: [Range<Int>]]
    public var documentIDs: [String]

    public init(participantID: String, passages: [String: [Range<Int>]], documentIDs: [String]) {
        self.participantID = participantID
        self.passages = passages
        self.documentIDs = documentIDs
    }

    public struct Deleted: Sendable, Hashable {
        public struct DeletedCoding: Sendable, Hashable {
            public var id: String
            public var documentID: String
            public var codeID: String
            public var coder: String

            public init(id: String, documentID: String, codeID: String, coder: String) {
                self.id = id
                self.documentID = documentID
                self.codeID = codeID
                self.coder = coder
            }
        }

        public var codings: [DeletedCoding] = []
        public var memoIDs: [String] = []
        public var devices: [String] = []

        public init() {}
    }
}
