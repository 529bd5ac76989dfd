import Foundation

/// One line of a coder's ledger, `codings/<coder>.jsonl`: the last state of a coding, memo or
/// need–solution link as that coder left it. The files are how codings travel between machines (git, a file share);
/// the database stays the fast index and is rebuilt from them.
///
/// Every change is written to the ledger of the person who made it, as a whole record with the
/// next version, so two people never write the same file and git never sees a conflict; the
/// record with the highest version wins (see `LedgerMerge`). A removal is a record with
/// `removed` set — absence from a file never removes anything.
public enum LedgerRecord: Sendable, Hashable {
    case coding(CodingEntry)
    case memo(MemoEntry)
    case needLink(NeedLinkEntry)

    public struct Removal: Sendable, Hashable, Codable {
        public var at: Date
        public var by: String

        public init(at: Date, by: String) {
            self.at = at
            self.by = by
        }
    }

    public struct CodingEntry: Sendable, Hashable, Codable {
        public var id: String
        public var document: String
        public var start: Int
        public var end: Int
        public var quote: String
        public var prefix: String
        public var suffix: String
        public var code: String
        public var coder: String
        public var memo: String?
        public var created: Date
        public var updated: Date
        /// Who made this version: the ledger it belongs in.
        public var changedBy: String
        public var version: Int
        public var removed: Removal?

        enum CodingKeys: String, CodingKey {
            case id, document, start, end, quote, prefix, suffix, code, coder, memo, created, updated, version, removed
            case changedBy = "changed_by"
        }

        public init(_ coding: Coding, changedBy: String, removed: Removal? = nil) {
            id = coding.id
            document = coding.documentID
            start = coding.start
            end = coding.end
            quote = coding.quote
            prefix = coding.anchor.prefix
            suffix = coding.anchor.suffix
            code = coding.codeID
            coder = coding.coder
            memo = coding.memo
            created = coding.createdAt
            updated = coding.updatedAt
            self.changedBy = changedBy
            version = coding.version
            self.removed = removed
        }

        /// The coding as last written, placed where its author left it (to be re-anchored).
        public var coding: Coding {
            Coding(id: id, documentID: document, codeID: code, coder: coder, memo: memo,
                   anchor: TextQuoteAnchor(quote: quote, prefix: prefix, suffix: suffix, start: start, end: end),
                   createdAt: created, updatedAt: updated, version: version)
        }
    }

    public struct MemoEntry: Sendable, Hashable, Codable {
        public var id: String
        public var target: Memo.Target
        public var targetID: String
        public var author: String
        public var text: String
        public var created: Date
        public var updated: Date
        public var changedBy: String
        public var version: Int
        public var removed: Removal?

        enum CodingKeys: String, CodingKey {
            case id, target, author, text, created, updated, version, removed
            case targetID = "target_id", changedBy = "changed_by"
        }

        public init(_ memo: Memo, changedBy: String, removed: Removal? = nil) {
            id = memo.id
            target = memo.target
            targetID = memo.targetID
            author = memo.author
            text = memo.text
            created = memo.createdAt
            updated = memo.updatedAt
            self.changedBy = changedBy
            version = memo.version
            self.removed = removed
        }

        public var memo: Memo {
            Memo(id: id, target: target, targetID: targetID, author: author, text: text,
                 createdAt: created, updatedAt: updated, version: version)
        }
    }

    /// The fields every record has, read once instead of switching per property.
    private var common: (id: String, version: Int, updated: Date, changedBy: String) {
        switch self {
        case .coding(let entry): (entry.id, entry.version, entry.updated, entry.changedBy)
        case .memo(let entry): (entry.id, entry.version, entry.updated, entry.changedBy)
        // Unversioned: the latest change wins (see `NeedLinkEntry`).
        case .needLink(let entry): (entry.id, 1, entry.changedAt, entry.changedBy)
        }
    }

    public var id: String { common.id }
    public var version: Int { common.version }
    public var updated: Date { common.updated }
    public var changedBy: String { common.changedBy }

    /// Where a record's line goes in a file: codings by document and place, then memos, then
    /// need–solution links by need; so that
    /// a diff shows exactly the records that changed.
    public struct Order: Sendable, Hashable, Comparable {
        let kind: Int
        let target: String
        let start: Int
        let end: Int
        let id: String

        public static func < (lhs: Order, rhs: Order) -> Bool {
            (lhs.kind, lhs.target, lhs.start, lhs.end, lhs.id) < (rhs.kind, rhs.target, rhs.start, rhs.end, rhs.id)
        }
    }

    public var order: Order {
        switch self {
        case .coding(let entry): Order(kind: 0, target: entry.document, start: entry.start, end: entry.end, id: entry.id)
        case .memo(let entry): Order(kind: 1, target: entry.target.rawValue + ":" + entry.targetID, start: 0, end: 0, id: entry.id)
        case .needLink(let entry): Order(kind: 2, target: entry.need, start: 0, end: 0, id: entry.id)
        }
    }
}
