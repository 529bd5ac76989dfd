import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

// JSON shapes of the web API (snake_case on the wire, see WebContext's coders). Domain types
// never conform to HTTP protocols; these DTOs are the edge.

/// A row of the documents list.
typealias DocumentSummaryJSON = MergedOutput<DocumentMetadataOutput, DocumentCountsJSON>

extension DocumentSummaryJSON {
    init(_ summary: DocumentSummary, codedShare: Double) {
        self.init(DocumentMetadataOutput(summary.metadata),
                  DocumentCountsJSON(segments: summary.segments, codings: summary.codings, codedShare: codedShare))
    }
}

struct DocumentCountsJSON: Encodable, Sendable {
    let segments, codings: Int
    let codedShare: Double
}

typealias SegmentJSON = SegmentOutput

/// One document with its text and segments.
typealias DocumentJSON = MergedOutput<DocumentMetadataOutput, DocumentTextJSON>

extension DocumentJSON {
    init(_ view: DocumentView) {
        self.init(DocumentMetadataOutput(view.document.metadata),
                  DocumentTextJSON(revision: view.document.revision, text: view.document.plainText,
                                   segments: view.segments.map(SegmentJSON.init)))
    }
}

struct DocumentTextJSON: Encodable, Sendable {
    let revision: Int
    /// The canonical plain text; offsets count its Unicode scalars.
    let text: String
    let segments: [SegmentJSON]
}

/// The API's coding: the shape `code list --json` prints too.
typealias CodingJSON = CodingOutput

/// A code with the number of its codings.
typealias CodeJSON = MergedOutput<CodeOutput, CodeCodings>
extension MergedOutput: ResponseEncodable {}

extension CodeJSON {
    init(_ code: Code, codings: Int) {
        self.init(CodeOutput(code), CodeCodings(codings: codings))
    }
}

struct CodeCodings: Encodable, Sendable {
    let codings: Int
}

/// What a merge did besides moving the codings: the codings it removed as duplicates of the
/// target's (each with the one kept) and the memos it moved.
struct MergeOutcomeJSON: Encodable, Sendable {
    struct Duplicate: Encodable, Sendable {
        let removed, kept: String
    }

    let duplicatesRemoved: [Duplicate]
    let memosMoved: Int

    init(_ merged: CodebookEditor.Merged) {
        duplicatesRemoved = merged.duplicatesRemoved.sorted { $0.key < $1.key }.map { Duplicate(removed: $0.key, kept: $0.value) }
        memosMoved = merged.memosMoved
    }
}

struct MemoJSON: ResponseEncodable, Sendable {
    let id, target, targetId, author, text: String
    let version: Int
    let createdAt, updatedAt: Date

    init(_ memo: Memo) {
        id = memo.id
        target = memo.target.rawValue
        targetId = memo.targetID
        author = memo.author
        text = memo.text
        version = memo.version
        createdAt = memo.createdAt
        updatedAt = memo.updatedAt
    }
}

struct RetrievalItemJSON: Encodable, Sendable {
    let coding: CodingJSON
    let documentTitle, documentType: String
    @AlwaysEncoded var speaker: String?
    @AlwaysEncoded var heading: String?
    let participants: [String]
    let contextBefore, contextAfter: String
    /// Why the words are withheld (quote, context and memo are then empty), or null.
    @AlwaysEncoded var withheld: String?

    init(_ item: RetrievalService.Item) {
        coding = CodingJSON(item.coding)
        documentTitle = item.document.title
        documentType = item.document.type.rawValue
        speaker = item.speaker
        heading = item.heading
        participants = item.participants
        contextBefore = item.contextBefore
        contextAfter = item.contextAfter
        withheld = item.withheld?.rawValue
    }
}

/// Any encodable value as a JSON response (shared views from the services layer).
struct JSONBody<Value: Encodable & Sendable>: ResponseEncodable, Sendable {
    let value: Value

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A JSON array as a response (Hummingbird encodes single values; arrays go through this).
struct JSONList<Element: Encodable & Sendable>: ResponseEncodable, Sendable {
    let items: [Element]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(items)
    }
}
