/// What the store remembers of one workspace file, to skip unchanged files.
public struct SourceFileState: Sendable, Hashable, Codable {
    public var path: String
    public var contentHash: String
    /// The document a corpus file produced, if any.
    public var documentID: String?
    /// Bumped when segmentation rules change, so that old results are re-derived.
    public var parserVersion: Int
    /// Size and modification time when the hash was taken (corpus files only; nil when not
    /// recorded or not to be trusted, and then the file is read and hashed).
    public var stamp: FileStamp?

    public init(path: String, contentHash: String, documentID: String? = nil, parserVersion: Int, stamp: FileStamp? = nil) {
        self.path = path
        self.contentHash = contentHash
        self.documentID = documentID
        self.parserVersion = parserVersion
        self.stamp = stamp
    }
}

/// A new or changed corpus document, parsed and segmented.
public struct DocumentChange: Sendable, Hashable {
    public var file: SourceFileState
    public var metadata: DocumentMetadata
    public var text: SegmentedText

    public init(file: SourceFileState, metadata: DocumentMetadata, text: SegmentedText) {
        self.file = file
        self.metadata = metadata
        self.text = text
    }
}

public struct DocumentApplyResult: Sendable, Hashable {
    public enum Outcome: String, Sendable { case added, updated }
    public var documentID: String
    public var outcome: Outcome
    public var reanchor: ReanchorReport

    public init(documentID: String, outcome: Outcome, reanchor: ReanchorReport) {
        self.documentID = documentID
        self.outcome = outcome
        self.reanchor = reanchor
    }
}

public struct CodebookApplyResult: Sendable, Hashable {
    public var codes: Int
    /// Codings moved from an old id to the code that lists it in `formerly`.
    public var codingsRemapped: Int
    /// Of those, the ones that became a duplicate of a live coding of the new code (the same
    /// span and coder): removed, with a history event naming the coding that stays, so nothing
    /// counts twice. Moved id → the id that stays.
    public var duplicatesRemoved: [String: String]
    /// Memos on an old id moved to the code that lists it in `formerly` (else no page shows them).
    public var memosMoved: Int

    public init(codes: Int, codingsRemapped: Int, duplicatesRemoved: [String: String] = [:], memosMoved: Int = 0) {
        self.codes = codes
        self.codingsRemapped = codingsRemapped
        self.duplicatesRemoved = duplicatesRemoved
        self.memosMoved = memosMoved
    }
}

/// Refusal to drop codes that still have codings.
public struct CodebookChangeRefused: Error, Sendable, Hashable, CustomStringConvertible {
    /// Removed code id → number of codings it still has.
    public var codingsByRemovedCode: [String: Int]

    public init(codingsByRemovedCode: [String: Int]) {
        self.codingsByRemovedCode = codingsByRemovedCode
    }

    public var description: String {
        let list = codingsByRemovedCode.sorted { $0.key < $1.key }
            .map { "\($0.key) (\($0.value) coding\($0.value == 1 ? "" : "s"))" }
            .joined(separator: ", ")
        return "the codebook no longer has codes that still have codings: \(list). "
            + "Keep them, or merge them into another code by listing the old id under that code's `formerly:`."
    }
}

public struct WorkspaceCounts: Sendable, Hashable, Codable {
    public var documents = 0
    public var segments = 0
    public var codes = 0
    public var codings = 0
    public var orphans = 0
    public var participants = 0

    public init() {}
}

public struct DocumentSummary: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var path: String
    public var segments: Int
    public var codings: Int

    public init(metadata: DocumentMetadata, path: String, segments: Int, codings: Int) {
        self.metadata = metadata
        self.path = path
        self.segments = segments
        self.codings = codings
    }
}

public struct StoredDocument: Sendable, Hashable {
    public var metadata: DocumentMetadata
    public var path: String
    public var plainText: String
    public var revision: Int

    public init(metadata: DocumentMetadata, path: String, plainText: String, revision: Int) {
        self.metadata = metadata
        self.path = path
        self.plainText = plainText
        self.revision = revision
    }
}

public struct CodingFilter: Sendable, Hashable {
    public var codeIDs: [String]?
    public var documentID: String?
    public var coder: String?
    public var status: CodingStatus?

    public init(codeIDs: [String]? = nil, documentID: String? = nil, coder: String? = nil, status: CodingStatus? = nil) {
        self.codeIDs = codeIDs
        self.documentID = documentID
        self.coder = coder
        self.status = status
    }
}
