import FieldworkCore
import FieldworkServices

/// `fieldwork export matrix`: how many codings each code has per participant, document or
/// administration, as CSV with one row per row item and one column per code (for R and pandas).
///
/// Codings are attributed to people by the attribution rule (`Attribution`: the speaker, the
/// authors a note names, or its group's declared members; group notes count for no one), taken
/// from `RetrievalService` so that the matrix and the retrieval page always agree. Participant
/// rows carry the role, so residents, relatives and staff stay apart; an administration row
/// counts the codings of the residents it supports. Only anchored codings count.
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
        /// The consent rule applied and the codings it left out.
        public var metadata: ExportMetadata
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// `includeChildren`: a code's column also counts the codings of every code below it.
    /// `coder`: only that coder's codings.
    /// `smallCells` (publication): each cell counts the distinct participants the codings count
    /// for, and counts below k are "< k"; participant rows are refused (each is one person).
    public func render(rows: Rows, includeChildren: Bool = false, coder: String? = nil, smallCells: SmallCells? = nil) async throws -> Result {
        if smallCells != nil, rows == .participant { throw MatrixExportError.participantRowsNotForPublication }
        let codebook = try await store.codebook()
        let columns = CodebookExport.treeOrder(codebook).map(\.id)
        let participants = try await store.participants()
        let people = Dictionary(uniqueKeysWithValues: participants.map { ($0.id, $0) })
        let labels: [String] = switch rows {
        case .participant: participants.map(\.id)
        case .document: try await store.documents().map(\.metadata.id).sorted()
        case .administration: Administration.allCases.map(\.rawValue)
        }

        var counts: [String: [String: Int]] = [:]
        var speakers: [String: [String: Set<String>]] = [:]
        var metadata = ExportMetadata(export: "matrix", rule: .today(participants))
        var withheld = WithheldCount()
        var codings = 0
        var unattributed = 0
        let retrieval = RetrievalService(store: store)
        // Retrieving each top-level code with its children visits every coding exactly once.
        for root in codebook.roots {
            var filter = RetrievalService.Filter(code: root.id)
            filter.coder = coder
            // Withheld passages (consent withdrawn) are left out of what is exported now.
            for item in try await retrieval.retrieve(filter).items {
                if let reason = item.withheld {
                    withheld.add(reason)
                    continue
                }
                codings += 1
                let keys: Set<String> = switch rows {
                case .participant: Set(item.participants)
                case .document: [item.document.id]
                case .administration: Set(NeedsRegister.residentAdministrations(of: item.participants, people: people).map(\.rawValue))
                }
                if keys.isEmpty { unattributed += 1 }
                let codes = includeChildren ? ancestry(of: item.coding.codeID, in: codebook) : [item.coding.codeID]
                for key in keys {
                    for code in codes {
                        counts[key, default: [:]][code, default: 0] += 1
                        speakers[key, default: [:]][code, default: []].formUnion(item.participants)
                    }
                }
            }
        }

        let roleColumn = rows == .participant ? ["role"] : []
        var writer = CSVWriter(header: [rows.rawValue] + roleColumn + columns)
        for label in labels {
            let role = rows == .participant ? [people[label]?.role.rawValue ?? ""] : []
            writer.append([label] + role + columns.map { code in
                guard let smallCells else { return String(counts[label]?[code] ?? 0) }
                return smallCells.show(speakers[label]?[code]?.count ?? 0)
            })
        }
        metadata.add(withheld, unit: "codings")
        metadata.smallCellsBelow = smallCells?.k
        return Result(csv: writer.text, rows: labels.count, codes: columns.count, codings: codings,
                      unattributed: rows == .document ? 0 : unattributed, metadata: metadata)
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

public enum MatrixExportError: Error, CustomStringConvertible {
    case participantRowsNotForPublication

    public var description: String {
        "--for-publication needs --rows document or administration: a participant row is one person"
    }
}
