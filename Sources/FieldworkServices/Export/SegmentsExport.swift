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

    /// The CSV of the codings of `filter` whose words the consent rule lets appear today;
    /// `withheld` counts the others (by reason, never by name).
    public func csv(_ filter: CodingFilter = CodingFilter()) async throws -> (text: String, rows: Int, withheld: WithheldCount) {
        let codebook = try await store.codebook()
        let participants = try await store.participants()
        let consent = ConsentRule.today(participants)
        var documents = DocumentContextCache(store: store, known: Set(participants.map(\.id)))
        var writer = CSVWriter(header: Self.header)
        var withheld = WithheldCount()
        var rows = 0
        let timestamp = ISO8601DateFormatter()
        for coding in try await store.codings(filter) {
            guard let entry = try await documents.entry(coding.documentID) else { continue }
            let document = entry.document.metadata
            let segment = entry.segment(of: coding)
            // Every segment it runs into counts: a coding may run from an interviewer's question into
            // the answer of someone who withdrew (the segment it starts in was all this asked).
            let attribution = entry.attribution(of: coding, in: segment)
            if case .withheld(let reason) = consent.words(of: attribution.participants, type: document.type, date: document.date) {
                withheld.add(reason)
                continue
            }
            let code = codebook[coding.codeID]
            // Context stays inside the passage's own segment: the neighbouring turn may be the
            // words of someone whose consent withholds them.
            let lower = max(segment?.start ?? 0, coding.start - TextQuoteAnchor.contextLength)
            let upper = min(max(segment?.end ?? entry.text.count, coding.end), coding.end + TextQuoteAnchor.contextLength)
            // An orphan's offsets no longer point at its words: no context rather than wrong context.
            let anchored = coding.status == .anchored
            let prefix = anchored ? entry.text[lower..<coding.start] : "", suffix = anchored ? entry.text[coding.end..<upper] : ""
            writer.append([
                coding.id, coding.documentID, document.type.rawValue, document.title, document.date ?? "",
                document.language ?? "", segment?.speaker ?? "", attribution.participants.joined(separator: ";"),
                coding.codeID, code?.name ?? "", code?.kind.rawValue ?? "", coding.coder, String(coding.start),
                String(coding.end), prefix, coding.quote, suffix, coding.memo ?? "",
                coding.status.rawValue, timestamp.string(from: coding.createdAt),
            ])
            rows += 1
        }
        return (writer.text, rows, withheld)
    }
}
