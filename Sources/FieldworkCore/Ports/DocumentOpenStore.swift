/// Identifies what a document's stored text and segments are: equal stamps, the same text and
/// segments. Each ingest that changes a document adds one to its revision and stamps the time (in
/// milliseconds), so a document removed (an erasure) and ingested again at revision 1 still gets
/// another stamp. A cache keyed by it needs no one to remember to invalidate it.
public struct DocumentStamp: Sendable, Hashable {
    public var revision: Int
    public var ingestedAt: String

    public init(revision: Int, ingestedAt: String) {
        self.revision = revision
        self.ingestedAt = ingestedAt
    }
}

/// What opening a document asks the store for.
public struct DocumentOpenRequest: Sendable, Hashable {
    public var documentID: String
    /// The stamp of the text and segments the caller already holds: while it is the stored one,
    /// they are not read (nor sent over the wire) again.
    public var held: DocumentStamp?
    /// Whether to read the document's codings, its memos and the codebook (the page) or not (the API).
    public var codings: Bool
    /// The register entries to read (with their consents), by id.
    public var participantIDs: Set<String>
    /// The codebook revision of the codebook the caller already holds: while it is the stored
    /// one, the codebook is not read again.
    public var heldCodebook: Int?
    /// The annotation revision of the codings and memos the caller already holds for this
    /// document: while it is the stored one, they are not read (nor decoded) again.
    public var heldAnnotations: Int?
    /// The register revision of the `participantIDs` entries the caller already holds: while
    /// it is the stored one, they are not read again.
    public var heldRegister: Int?

    public init(documentID: String, held: DocumentStamp? = nil, codings: Bool, participantIDs: Set<String>,
                heldCodebook: Int? = nil, heldAnnotations: Int? = nil, heldRegister: Int? = nil) {
        self.documentID = documentID
        self.held = held
        self.codings = codings
        self.participantIDs = participantIDs
        self.heldCodebook = heldCodebook
        self.heldAnnotations = heldAnnotations
        self.heldRegister = heldRegister
    }
}

/// A document's text and segments as stored at one stamp.
public struct DocumentContent: Sendable, Hashable {
    public var document: StoredDocument
    public var segments: [Segment]

    public init(document: StoredDocument, segments: [Segment]) {
        self.document = document
        self.segments = segments
    }
}

/// A document's codings (`CodingFilter(documentID:)`) and its memos (`memos(target: .document,
/// targetID:)`, oldest first) as of one annotation revision: the database raises a document's
/// revision on every change to either, and never lowers it.
public struct DocumentAnnotations: Sendable, Hashable {
    public var revision: Int
    public var codings: [Coding]
    public var memos: [Memo]

    public init(revision: Int, codings: [Coding], memos: [Memo]) {
        self.revision = revision
        self.codings = codings
        self.memos = memos
    }
}

/// What the store read for a document open, all from one snapshot.
public struct DocumentOpenRead: Sendable, Hashable {
    public var stamp: DocumentStamp
    /// The text and segments; nil when the request's `held` stamp is still the stored one.
    public var content: DocumentContent?
    /// The codebook; nil unless codings were asked for and the request's `heldCodebook` is not
    /// the current revision.
    public var codebook: Codebook?
    /// The codebook's revision: the database raises it on every change to the codes.
    public var codebookRevision: Int
    /// The document's annotation revision (of its codings and memos).
    public var annotationRevision: Int
    /// The codings and memos; nil unless codings were asked for and the request's
    /// `heldAnnotations` is not the current revision. Read here, the page's memos cost no second read.
    public var annotations: DocumentAnnotations?
    /// The register's revision: the database raises it on every change to its entries or consents.
    public var registerRevision: Int
    /// The register entries the request named that exist, sorted by id; nil when the request's
    /// `heldRegister` is the current revision.
    public var participants: [Participant]?

    public init(stamp: DocumentStamp, content: DocumentContent?, codebook: Codebook?, codebookRevision: Int,
                annotationRevision: Int, annotations: DocumentAnnotations?, registerRevision: Int, participants: [Participant]?) {
        self.stamp = stamp
        self.content = content
        self.codebook = codebook
        self.codebookRevision = codebookRevision
        self.annotationRevision = annotationRevision
        self.annotations = annotations
        self.registerRevision = registerRevision
        self.participants = participants
    }
}

/// The reads of opening a document: one read (one snapshot; on PostgreSQL one connection and one
/// transaction) instead of one round trip per table, and only the participants it names.
public protocol DocumentOpenStore: Sendable {
    /// The document's stamp and, in the same read, its text and segments (unless `held` is
    /// current), codings, memos and codebook (if asked) and the named participants, each unless held current; nil if there is no
    /// such document. Checking the stamp in the read that returns the codings keeps a cache in
    /// one of several server processes on one database correct.
    func documentOpen(_ request: DocumentOpenRequest) async throws -> DocumentOpenRead?
    /// The register's entries with these ids, with their consents, sorted by id; ids that are
    /// not in the register are left out.
    func participants(ids: Set<String>) async throws -> [Participant]
}
