import FieldworkCore
import FieldworkServices

// JSON shapes of the CLI's `--json` output. Field names are part of the CLI's contract.

/// `documents --json`: the shared front-matter shape and the number of segments.
typealias DocumentDTO = MergedOutput<DocumentMetadataOutput, DocumentSegmentsDTO>

extension DocumentDTO {
    init(_ summary: DocumentSummary) {
        self.init(DocumentMetadataOutput(summary.metadata), DocumentSegmentsDTO(segments: summary.segments))
    }
}

struct DocumentSegmentsDTO: Encodable, Sendable {
    let segments: Int
}

/// `segments --json`: the shared segment shape plus its id, document and exact text — empty, with
/// `withheld` saying why, where the consent rule or access withholds the words today.
typealias SegmentDTO = MergedOutput<SegmentOutput, SegmentTextDTO>

extension SegmentDTO {
    init(_ segment: Segment, document: String, text: ScalarText, withheld: ConsentRule.Reason?) {
        self.init(SegmentOutput(segment),
                  SegmentTextDTO(id: "\(document)#\(segment.index)", document: document,
                                 text: withheld == nil ? text[segment.span] : "", withheld: withheld?.rawValue))
    }
}

struct SegmentTextDTO: Encodable, Sendable {
    let id, document, text: String
    @AlwaysEncoded var withheld: String?
}

/// `code list --json`: the same shape as the API's codings.
typealias CodingDTO = CodingOutput

/// `codebook show --json`: the shared code shape, nested by children.
typealias CodeDTO = MergedOutput<CodeOutput, CodeChildrenDTO>

extension CodeDTO {
    init(_ code: Code, in codebook: Codebook) {
        self.init(CodeOutput(code), CodeChildrenDTO(children: codebook.children(of: code.id).map { CodeDTO($0, in: codebook) }))
    }
}

struct CodeChildrenDTO: Encodable, Sendable {
    let children: [CodeDTO]
}
