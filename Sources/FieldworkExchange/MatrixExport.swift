import FieldworkCore
import FieldworkServices

/// `fieldwork export matrix`: how many codings each code has per participant, document,
/// administration or participant attribute value, as CSV with one row per row item and one
/// column per code (for R and pandas). The counting is `CaseMatrix`'s, which the `/matrix` page
/// shows too: participant rows carry the role, so residents, relatives and staff stay apart; an
/// administration row counts the codings of the residents it supports. Only anchored codings count.
public struct MatrixExport: Sendable {
    public typealias Rows = CaseMatrix.Rows

    public struct Result: Sendable {
        public var csv: String
        public var rows: Int
        public var codes: Int
        public var codings: Int
        /// Codings that name no participant (e.g. notes without participants): in no participant,
        /// administration or attribute row.
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
    /// `attributes`: participant attribute keys written as columns after the role (participant rows only).
    public func render(rows: Rows, includeChildren: Bool = false, coder: String? = nil, smallCells: SmallCells? = nil,
                       attributes: [String] = []) async throws -> Result {
        if smallCells != nil, rows == .participant { throw MatrixExportError.participantRowsNotForPublication }
        if !attributes.isEmpty, rows != .participant { throw MatrixExportError.attributeColumnsNeedParticipantRows }
        let table = try await CaseMatrix(store: store).table(rows: rows, includeChildren: includeChildren, coder: coder)
        // A column of a key no participant has was a column of empty cells.
        try CaseMatrix.requireKnown(attributes: attributes, participants: try await store.participants())
        let roleColumn = rows == .participant ? ["role"] : []
        var writer = CSVWriter(header: [rows.label] + roleColumn + attributes + table.columns)
        for label in table.labels {
            let role = rows == .participant ? [table.roles[label] ?? ""] : []
            writer.append([label] + role + attributes.map { table.attribute(label, $0) } + table.columns.map { code in
                guard let smallCells else { return String(table.count(label, code)) }
                return smallCells.show(table.people(label, code))
            })
        }
        var metadata = ExportMetadata(export: "matrix", rule: .today(try await store.participants()))
        metadata.add(table.withheld, unit: "codings")
        metadata.smallCellsBelow = smallCells?.k
        return Result(csv: writer.text, rows: table.labels.count, codes: table.columns.count, codings: table.codings,
                      unattributed: table.unattributed, metadata: metadata)
    }
}

public enum MatrixExportError: Error, CustomStringConvertible {
    case participantRowsNotForPublication
    case attributeColumnsNeedParticipantRows

    public var description: String {
        switch self {
        case .participantRowsNotForPublication: "--for-publication needs --rows document or administration: a participant row is one person"
        case .attributeColumnsNeedParticipantRows: "--attribute columns need --rows participant (attribute rows: --rows attribute:KEY)"
        }
    }
}
