/// A store that can hand over a whole study and take one in (`fieldwork store copy`), with
/// the other kind of store: SQLite ↔ PostgreSQL. The study passes as `TransferBatch`es of
/// typed rows, table by table in `TransferTable.study` order, rows by key, a batch at a time,
/// so a large corpus is never held in memory whole.
public protocol StoreTransfer: Sendable {
    /// The tables this store can hold (every table of `TransferTable.study`, or fewer while a
    /// part is not yet ported to it).
    var transferTables: [TransferTable] { get }

    /// Rows per table of the study it holds now.
    func transferCounts() async throws -> [String: Int]

    /// Reads the whole study as of one moment and hands it to `consume` batch by batch.
    func readTransfer(_ consume: (TransferBatch) async throws -> Void) async throws

    /// Loads a study into this store, which must hold none (`StoreTransferError.notEmpty`
    /// otherwise, and nothing changes). `produce` writes the source's batches into the sink and
    /// returns the source's manifest; the store then reads back what it stored, computes its own
    /// manifest and makes the study visible only if the two are equal
    /// (`StoreTransferError.mismatch` otherwise): everything or nothing. Returns its manifest.
    func loadTransfer(_ produce: (any TransferSink) async throws -> TransferManifest) async throws -> TransferManifest
}

/// Where a loading store takes the source's batches.
public protocol TransferSink: Sendable {
    func write(_ batch: TransferBatch) async throws
}

/// Why a copy did not happen; each leaves the target as it was.
public enum StoreTransferError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target holds a study (or part of one): rows per table that has any.
    case notEmpty([String: Int])
    /// The source holds rows of a table the target cannot hold yet.
    case unsupported(table: String, rows: Int)
    /// The target's rows or checksum differ from the source's after loading.
    case mismatch(table: String, source: String, target: String)
    /// The source holds nothing to copy.
    case emptySource
    /// A stored value that is not of its column's kind.
    case unreadable(table: String, column: String)

    public var description: String {
        switch self {
        case .notEmpty(let counts):
            let held = TransferTable.study.compactMap { table in
                counts[table.name].flatMap { $0 > 0 ? "\($0) \(table.noun)" : nil }
            }
            return "the target store is not empty (it holds \(held.joined(separator: ", "))): store copy loads only into "
                + "an empty store and never overwrites a study; nothing was changed"
        case .unsupported(let table, let rows):
            let noun = TransferTable.named(table)?.noun ?? table
            return "the source holds \(rows) \(noun) (\(table)), which the target store cannot hold yet; nothing was copied"
        case .mismatch(let table, let source, let target):
            return "the copy differs from the source in table \(table) (source \(source), target \(target)); "
                + "it was rolled back and nothing was copied"
        case .emptySource:
            return "the source store holds no study (no documents, codings, participants or accounts); nothing was copied"
        case .unreadable(let table, let column):
            return "the store holds a value in \(table).\(column) that is not of its column's kind; nothing was copied"
        }
    }
}

extension TransferManifest {
    /// Throws `StoreTransferError.mismatch` naming the first table that differs from the source's.
    public func verify(against source: TransferManifest) throws {
        guard let difference = source.firstDifference(from: self) else { return }
        func describe(_ entry: Entry?) -> String {
            entry.map { "\($0.rows) rows, checksum \($0.checksum.prefix(12))" } ?? "no such table"
        }
        throw StoreTransferError.mismatch(table: difference.table, source: describe(difference.mine),
                                          target: describe(difference.theirs))
    }
}
