/// Binary decisions: for each unit (row) whether each coder (column) applied the code.
///
/// Every coder decides every unit — a coder who did not apply a code to a segment of a document
/// they coded decided "not applied" — so there are no missing values.
public struct DecisionMatrix: Sendable, Hashable {
    public let coderCount: Int
    public private(set) var rows: [[Bool]]

    public init(coderCount: Int, rows: [[Bool]] = []) {
        precondition(rows.allSatisfy { $0.count == coderCount }, "every row holds one decision per coder")
        self.coderCount = coderCount
        self.rows = rows
    }

    public var unitCount: Int { rows.count }

    public mutating func append(_ row: [Bool]) {
        precondition(row.count == coderCount, "one decision per coder")
        rows.append(row)
    }

    /// The decisions of several matrices as one (the pooled "overall" statistics).
    public static func pooled(_ matrices: [DecisionMatrix], coderCount: Int) -> DecisionMatrix {
        DecisionMatrix(coderCount: coderCount, rows: matrices.flatMap(\.rows))
    }

    /// How many "applied" decisions the unit holds.
    func appliedCount(in row: [Bool]) -> Int {
        row.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}
