import FieldworkCore
import Foundation

/// `fieldwork export segments`: one row per coding with its quote and context, for R and pandas.
public struct SegmentsExport: Sendable {
    public static let header = [
        "coding_id", "document", "document_type", "document_title", "date", "language", "speaker", "participants",
        "code", "code_name", "code_kind", "coder", "start", "end", "prefix", "quote", "suffix", "memo", "status",
        "created_at",
    ]

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func csv(_ filter: CodingFilter = CodingFilter()) async throws -> (text: String, rows: Int) {
        let codebook = try await store.codebook()
        let documents = Dictionary(uniqueKeysWithValues: try await store.documents().map { ($0.metadata.id, $0.metadata) })
        let codings = try await store.codings(filter)
        var segmentsByDocument: [String: [Segment]] = [:]
        var writer = CSVWriter(header: Self.header)
        let timestamp = ISO8601DateFormatter()
        for coding in codings {
            let document = documents[coding.documentID]
            if segmentsByDocument[coding.documentID] == nil {
                segmentsByDocument[coding.documentID] = try await store.segments(documentID: coding.documentID)
            }
            let speaker = segmentsByDocument[coding.documentID]?
                .first { $0.start <= coding.start && coding.start < $0.end }?.speaker
            let code = codebook[coding.codeID]
            writer.append([
                coding.id, coding.documentID, document?.type.rawValue ?? "", document?.title ?? "", document?.date ?? "",
                document?.language ?? "", speaker ?? "", document?.participants.joined(separator: ";") ?? "",
                coding.codeID, code?.name ?? "", code?.kind.rawValue ?? "", coding.coder, String(coding.start),
                String(coding.end), coding.anchor.prefix, coding.quote, coding.anchor.suffix, coding.memo ?? "",
                coding.status.rawValue, timestamp.string(from: coding.createdAt),
            ])
        }
        return (writer.text, codings.count)
    }
}
