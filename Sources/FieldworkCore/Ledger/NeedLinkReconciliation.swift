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
        var newestInFiles: [String: (entry: LedgerRecord.NeedLinkEntry, key: Key)] = [:]
        for entry in files {
            let key = Key(entry)
            if newestInFiles[entry.id].map({ key > $0.key }) ?? true { newestInFiles[entry.id] = (entry, key) }
        }
        var plan = Plan()
        for entry in stored {
            guard let filed = newestInFiles.removeValue(forKey: entry.id) else {
                plan.write.append(entry)
                continue
            }
            let key = Key(entry)
            if key > filed.key {
                plan.write.append(entry)
            } else if key != filed.key {
                plan.take.append(filed.entry)
            }
        }
        plan.take += newestInFiles.values.map(\.entry)
        plan.write.sort { $0.id < $1.id }
        plan.take.sort { $0.id < $1.id }
        return plan
    }

    /// The later change, then the changer's name, then the record's text: every machine picks the
    /// same state, and a state is never newer than itself. Compared as written (made once per
    /// entry): a time read back from the store and from a file may differ below the millisecond
    /// both keep.
    struct Key: Comparable {
        let time: String, person: String, line: String

        init(_ entry: LedgerRecord.NeedLinkEntry) {
            time = LedgerTime.string(entry.changedAt)
            person = entry.changedBy
            line = LedgerFile.line(.needLink(entry))
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.time, lhs.person, lhs.line) < (rhs.time, rhs.person, rhs.line)
        }
    }
}
