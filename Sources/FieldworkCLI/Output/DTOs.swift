import FieldworkCore
import FieldworkServices

// JSON shapes of the CLI's `--json` output. Field names are part of the CLI's contract.

struct DocumentDTO: Encodable {
    let id, type, title: String
    @AlwaysEncoded var date: String?
    @AlwaysEncoded var language: String?
    let participants: [String]
    let segments: Int

    init(_ summary: DocumentSummary) {
        id = summary.metadata.id
        type = summary.metadata.type.rawValue
        title = summary.metadata.title
        date = summary.metadata.date
        language = summary.metadata.language
        participants = summary.metadata.participants
        segments = summary.segments
    }
}

struct SegmentDTO: Encodable {
    let id: String
    let document: String
    let index: Int
    let kind: String
    @AlwaysEncoded var speaker: String?
    @AlwaysEncoded var heading: String?
    let start, end, lineStart, lineEnd: Int
    let text: String

    enum CodingKeys: String, CodingKey {
        case id, document, index, kind, speaker, heading, start, end, text
        case lineStart = "line_start", lineEnd = "line_end"
    }

    init(_ segment: Segment, document: String, text: ScalarText) {
        id = "\(document)#\(segment.index)"
        self.document = document
        index = segment.index
        kind = segment.kind.rawValue
        speaker = segment.speaker
        heading = segment.heading
        start = segment.start
        end = segment.end
        lineStart = segment.lineStart
        lineEnd = segment.lineEnd
        self.text = text[segment.span]
    }
}

struct CodingDTO: Encodable {
    let id, document: String
    let start, end: Int
    let code, coder: String
    @AlwaysEncoded var memo: String?
    let quote, status: String

    init(_ coding: Coding) {
        id = coding.id
        document = coding.documentID
        start = coding.start
        end = coding.end
        code = coding.codeID
        coder = coding.coder
        memo = coding.memo
        quote = coding.quote
        status = coding.status.rawValue
    }
}

struct CodeDTO: Encodable {
    let id, name, kind: String
    @AlwaysEncoded var parent: String?
    @AlwaysEncoded var description: String?
    @AlwaysEncoded var include: String?
    @AlwaysEncoded var exclude: String?
    @AlwaysEncoded var color: String?
    let examples: [String]
    let children: [CodeDTO]

    init(_ code: Code, in codebook: Codebook) {
        id = code.id
        name = code.name
        kind = code.kind.rawValue
        parent = code.parentID
        description = code.description
        include = code.include
        exclude = code.exclude
        color = code.color
        examples = code.examples
        children = codebook.children(of: code.id).map { CodeDTO($0, in: codebook) }
    }
}
