import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

// JSON shapes of the web API (snake_case on the wire, see WebContext's coders). Domain types
// never conform to HTTP protocols; these DTOs are the edge.

struct DocumentSummaryJSON: ResponseEncodable, Sendable {
    let id, type, title: String
    @AlwaysEncoded var date: String?
    @AlwaysEncoded var language: String?
    let participants, administrations: [String]
    let segments, codings: Int
    let codedShare: Double

    init(_ summary: DocumentSummary, codedShare: Double) {
        id = summary.metadata.id
        type = summary.metadata.type.rawValue
        title = summary.metadata.title
        date = summary.metadata.date
        language = summary.metadata.language
        participants = summary.metadata.participants
        administrations = summary.metadata.administrations.map(\.rawValue)
        segments = summary.segments
        codings = summary.codings
        self.codedShare = codedShare
    }
}

struct SegmentJSON: Encodable, Sendable {
    let index: Int
    let kind: String
    @AlwaysEncoded var speaker: String?
    @AlwaysEncoded var heading: String?
    let start, end, lineStart, lineEnd: Int

    init(_ segment: Segment) {
        index = segment.index
        kind = segment.kind.rawValue
        speaker = segment.speaker
        heading = segment.heading
        start = segment.start
        end = segment.end
        lineStart = segment.lineStart
        lineEnd = segment.lineEnd
    }
}

struct DocumentJSON: ResponseEncodable, Sendable {
    let id, type, title: String
    @AlwaysEncoded var date: String?
    @AlwaysEncoded var language: String?
    let participants, administrations: [String]
    let revision: Int
    /// The canonical plain text; offsets count its Unicode scalars.
    let text: String
    let segments: [SegmentJSON]

    init(_ view: DocumentView) {
        let metadata = view.document.metadata
        id = metadata.id
        type = metadata.type.rawValue
        title = metadata.title
        date = metadata.date
        language = metadata.language
        participants = metadata.participants
        administrations = metadata.administrations.map(\.rawValue)
        revision = view.document.revision
        text = view.document.plainText
        segments = view.segments.map(SegmentJSON.init)
    }
}

struct CodingJSON: ResponseEncodable, Sendable {
    let id, document: String
    let start, end: Int
    let code, coder: String
    @AlwaysEncoded var memo: String?
    let quote, prefix, suffix, status: String
    @AlwaysEncoded var anchorMethod: String?
    let version: Int
    let createdAt, updatedAt: Date

    init(_ coding: Coding) {
        id = coding.id
        document = coding.documentID
        start = coding.start
        end = coding.end
        code = coding.codeID
        coder = coding.coder
        memo = coding.memo
        quote = coding.quote
        prefix = coding.anchor.prefix
        suffix = coding.anchor.suffix
        status = coding.status.rawValue
        anchorMethod = coding.anchorMethod?.rawValue
        version = coding.version
        createdAt = coding.createdAt
        updatedAt = coding.updatedAt
    }
}

struct CodeJSON: ResponseEncodable, Sendable {
    let id, name, kind: String
    @AlwaysEncoded var parent: String?
    @AlwaysEncoded var description: String?
    @AlwaysEncoded var include: String?
    @AlwaysEncoded var exclude: String?
    @AlwaysEncoded var color: String?
    let examples: [String]
    let position, codings: Int

    init(_ code: Code, codings: Int) {
        id = code.id
        name = code.name
        kind = code.kind.rawValue
        parent = code.parentID
        description = code.description
        include = code.include
        exclude = code.exclude
        color = code.color
        examples = code.examples
        position = code.position
        self.codings = codings
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

    init(_ item: RetrievalService.Item) {
        coding = CodingJSON(item.coding)
        documentTitle = item.document.title
        documentType = item.document.type.rawValue
        speaker = item.speaker
        heading = item.heading
        participants = item.participants
        contextBefore = item.contextBefore
        contextAfter = item.contextAfter
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
