/// Checks an audit log's hash chain: every line parses, numbers follow on from 1, and each
/// line's `prev` is the hash of the line before it. An edited line breaks the link after it; a
/// deleted line breaks the numbering and the link; a line cut off the end is caught against the
/// head a store remembers.
public enum AuditChain {
    public struct Verification: Sendable, Hashable {
        public var entries: Int
        /// `file:line: problem`, in file order; empty when the log is intact.
        public var problems: [String]

        public var intact: Bool { problems.isEmpty }
    }

    /// - Parameter headKeeper: who kept `head`, as messages name it (a read-only server keeps
    ///   its own in a file, `audit/standby.head`).
    public static func verify(_ text: String, file: String, head: AuditHead?, headKeeper: String = "the database") -> Verification {
        var problems: [String] = []
        var previousHash = AuditEntry.genesis
        var expectedSeq = 1
        var hashes: [Int: String] = [:]
        var count = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let number = index + 1
            count += 1
            let hash = SHA256.hex(Array(line.utf8))
            defer { previousHash = hash }
            guard let entry = AuditEntry.parse(line) else {
                problems.append("\(file):\(number): not an audit entry (the line was changed)")
                expectedSeq += 1
                continue
            }
            if entry.seq != expectedSeq {
                problems.append("\(file):\(number): entry \(entry.seq) where \(expectedSeq) was expected (an entry was removed or inserted)")
            }
            if entry.prev != previousHash {
                problems.append("\(file):\(number): the hash of the line before does not match (that line was changed or removed)")
            }
            hashes[entry.seq] = hash
            expectedSeq = entry.seq + 1
        }
        if let head {
            if let seen = hashes[head.seq] {
                if seen != head.hash { problems.append("\(file): entry \(head.seq) is not the one \(headKeeper) saw appended (the log was changed)") }
            } else {
                problems.append("\(file): \(headKeeper) saw \(head.seq) entries appended but the log ends at \(expectedSeq - 1) (entries were removed from the end)")
            }
        }
        return Verification(entries: count, problems: problems)
    }

    /// The entry that follows `lastLine` (nil: the log is empty).
    public static func next(after lastLine: Substring?, at: String, by: String, action: AuditAction,
                            details: [String: String]) -> AuditEntry {
        guard let lastLine else { return AuditEntry(seq: 1, at: at, by: by, action: action, details: details, prev: AuditEntry.genesis) }
        let seq = (AuditEntry.parse(lastLine)?.seq ?? 0) + 1
        return AuditEntry(seq: seq, at: at, by: by, action: action, details: details, prev: SHA256.hex(Array(lastLine.utf8)))
    }
}
