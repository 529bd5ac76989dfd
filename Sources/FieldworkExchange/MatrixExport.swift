import FieldworkCore
import FieldworkServices

/// `fieldwork export matrix`: how many codings each code has per participant, document or
/// administration, as CSV with one row per row item and one column per code (for R and pandas).
///
/// Codings are attributed to people by the retrieval rule (the speaker of the segment when the
/// speaker is a participant, else the document's participants), taken from `RetrievalService`
/// so that the matrix and the retrieval page always agree. Only anchored codings count.
public struct MatrixExport: Sendable {
    public enum Rows: String, Sendable, CaseIterable {
        case participant
        case document
        case administration
    }

    public struct Result: Sendable {
        public var csv: String
        public var rows: Int
        public var codes: Int
        public var codings: Int
        /// Codings that name no participant (e.g. notes without participants): in no participant
        /// or administration row.
        public var unattributed: Int
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// `includeChildren`: a code's column also counts the codings of every code below it.
    /// `coder`: only that coder's codings.
    public func render(rows: Rows, includeChildren: Bool = false, coder: String? = nil) async throws -> Result {
        let codebook = try await store.codebook()
        let columns = CodebookExport.treeOrder(codebook).map(\.id)
        let participants = try await store.participants()
        let administrationsOf = Dictionary(uniqueKeysWithValues: participants.map { ($0.id, $0.administrations) })
        let labels: [String] = switch rows {
        case .participant: participants.map(\.id)
        case .document: try await store.documents().map(\.metadata.id).sorted()
        case .administration: Administration.allCases.map(\.rawValue)
        }

        var counts: [String: [String: Int]] = [:]
        var codings = 0
        var unattributed = 0
        let retrieval = RetrievalService(store: store)
        // Retrieving each top-level code with its children visits every coding exactly once.
        for root in codebook.roots {
            var filter = RetrievalService.Filter(code: root.id)
            filter.coder = coder
            for item in try await retrieval.retrieve(filter) {
                codings += 1
                let keys: Set<String> = switch rows {
                case .participant: Set(item.participants)
                case .document: [item.document.id]
                case .administration: Set(item.participants.flatMap { administrationsOf[$0] ?? [] }.map(\.rawValue))
                }
                if keys.isEmpty { unattributed += 1 }
                let codes = includeChildren ? ancestry(of: item.coding.codeID, in: codebook) : [item.coding.codeID]
                for key in keys {
                    for code in codes { counts[key, default: [:]][code, default: 0] += 1 }
                }
            }
        }

        var writer = CSVWriter(header: [rows.rawValue] + columns)
        for label in labels {
            writer.append([label] + columns.map { String(counts[label]?[$0] ?? 0) })
        }
        return Result(csv: writer.text, rows: labels.count, codes: columns.count, codings: codings,
                      unattributed: rows == .document ? 0 : unattributed)
    }

    /// The code and every code above it.
    private func ancestry(of id: String, in codebook: Codebook) -> [String] {
        var result = [id]
        var current = codebook[id]?.parentID
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = codebook[parent]?.parentID
        }
        return result
    }
}
