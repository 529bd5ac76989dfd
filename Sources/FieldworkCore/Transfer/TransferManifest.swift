/// What a store holds of a study, per table: rows and a SHA-256 over their canonical encoding
/// in the table's order. Computed on each side of a copy independently; equal manifests mean
/// the same rows with the same values.
public struct TransferManifest: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public let table: String
        public let rows: Int
        public let checksum: String
    }

    public let entries: [Entry]

    public func entry(_ table: String) -> Entry? { entries.first { $0.table == table } }

    /// The first table whose rows or checksum differ, in loading order.
    public func firstDifference(from other: TransferManifest) -> (table: String, mine: Entry?, theirs: Entry?)? {
        let names = entries.map(\.table) + other.entries.map(\.table).filter { name in !entries.contains { $0.table == name } }
        for name in names where entry(name) != other.entry(name) {
            return (name, entry(name), other.entry(name))
        }
        return nil
    }

    /// Feeds batches in order and makes the manifest of the tables given (tables without rows
    /// get the checksum of no rows).
    public struct Builder: Sendable {
        private var tables: [TransferTable]
        private var hashers: [String: SHA256.Hasher] = [:]
        private var counts: [String: Int] = [:]
        private var scratch: [UInt8] = []

        public init(tables: [TransferTable]) { self.tables = tables }

        public mutating func add(_ batch: TransferBatch) {
            if !tables.contains(batch.table) { tables.append(batch.table) }
            var hasher = hashers[batch.table.name] ?? SHA256.Hasher()
            for row in batch.rows {
                scratch.removeAll(keepingCapacity: true)
                for value in row { value.encode(into: &scratch) }
                hasher.update(scratch)
            }
            hashers[batch.table.name] = hasher
            counts[batch.table.name, default: 0] += batch.rows.count
        }

        public func manifest() -> TransferManifest {
            TransferManifest(entries: tables.map { table in
                var hasher = hashers[table.name] ?? SHA256.Hasher()
                return Entry(table: table.name, rows: counts[table.name] ?? 0, checksum: hasher.finalizeHex())
            })
        }
    }
}
