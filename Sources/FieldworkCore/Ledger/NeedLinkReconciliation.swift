/// What bringing the store's need–solution links and the ledger files together does: the state
/// the store holds that is newer than every file's (made here, not yet written: a crash, a
/// workspace from before links travelled) is written out; the newest state in the files, where
/// it is newer than the store's (a colleague's change, a deleted `.fieldwork/`), is taken in.
///
/// Links carry their change time, so no record of what was written is needed: the newer change
/// wins wherever it was made. Absence never removes: a link missing from every file is written
/// out, not deleted.
public enum NeedLinkReconciliation {
    public struct Plan: Sendable, Hashable {
        /// States of the store to write to their changers' files.
        public var write: [LedgerRecord.NeedLinkEntry] = []
        /// States from the files to store.
        public var take: [LedgerRecord.NeedLinkEntry] = []
    }

    /// - Parameters:
    ///   - files: every link record of every readable ledger file (several per link, at most one per file).
    ///   - stored: every link the store holds, removed ones included.
    public static func plan(files: [LedgerRecord.NeedLinkEntry], stored: [LedgerRecord.NeedLinkEntry]) -> Plan {
        var newestInFiles: [String: LedgerRecord.NeedLinkEntry] = [:]
        for entry in files where newestInFiles[entry.id].map({ isNewer(entry, than: $0) }) ?? true {
            newestInFiles[entry.id] = entry
        }
        var plan = Plan()
        for entry in stored {
            guard let filed = newestInFiles.removeValue(forKey: entry.id) else {
                plan.write.append(entry)
                continue
            }
            if isNewer(entry, than: filed) {
                plan.write.append(entry)
            } else if LedgerFile.line(.needLink(filed)) != LedgerFile.line(.needLink(entry)) {
                // Compared as written: a time read back from the store and from a file may differ
                // below the millisecond both keep.
                plan.take.append(filed)
            }
        }
        plan.take += newestInFiles.values
        plan.write.sort { $0.id < $1.id }
        plan.take.sort { $0.id < $1.id }
        return plan
    }

    /// The later change, then the changer's name, then the record's text: every machine picks the
    /// same state, and a state is never newer than itself.
    static func isNewer(_ entry: LedgerRecord.NeedLinkEntry, than other: LedgerRecord.NeedLinkEntry) -> Bool {
        let key = (LedgerTime.string(entry.changedAt), entry.changedBy, LedgerFile.line(.needLink(entry)))
        let otherKey = (LedgerTime.string(other.changedAt), other.changedBy, LedgerFile.line(.needLink(other)))
        return key > otherKey
    }
}
