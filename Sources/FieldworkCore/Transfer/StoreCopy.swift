/// A whole study from one store into another, empty one (`fieldwork store copy`): the source
/// read as of one moment streams into the target's loading transaction, and the target keeps it
/// only if its own manifest, read back from what it stored, equals the source's.
public enum StoreCopy {
    /// The two manifests (equal) of a finished copy. Throws `StoreTransferError.unsupported`
    /// before anything is written when the source has rows the target cannot hold, `notEmpty`
    /// when the target holds a study, `mismatch` naming the first table that differs, and
    /// `emptySource` when there is nothing to copy.
    public static func run(from source: any StoreTransfer, to target: any StoreTransfer)
    async throws -> (source: TransferManifest, target: TransferManifest) {
        let held = target.transferTables
        let counts = try await source.transferCounts()
        guard counts.values.contains(where: { $0 > 0 }) else { throw StoreTransferError.emptySource }
        if let missing = TransferTable.study.first(where: { !held.contains($0) && (counts[$0.name] ?? 0) > 0 }) {
            throw StoreTransferError.unsupported(table: missing.name, rows: counts[missing.name] ?? 0)
        }
        var sourceManifest = TransferManifest(entries: [])
        let targetManifest = try await target.loadTransfer { sink in
            var builder = TransferManifest.Builder(tables: held)
            try await source.readTransfer { batch in
                // Rows the source took on since the check above.
                guard held.contains(batch.table) else {
                    throw StoreTransferError.unsupported(table: batch.table.name, rows: batch.rows.count)
                }
                builder.add(batch)
                try await sink.write(batch)
            }
            sourceManifest = builder.manifest()
            return sourceManifest
        }
        return (sourceManifest, targetManifest)
    }
}
