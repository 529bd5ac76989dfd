import Foundation

/// One line of the audit log: who did what, when — never the content (no transcript text, no
/// memo, no participant register field; ids, paths, counts and names of rules only).
///
/// The log is a hash chain: `prev` is the SHA-256 of the previous line's bytes (64 zeros for the
/// first), so changing or deleting any line breaks the link of the line after it
/// (`AuditChain.verify`).
public struct AuditEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3 … in the order the entries were appended.
    public var seq: Int
    /// UTC with milliseconds.
    public var at: String
    /// The coder name of the person (a browser session's coder, `$FIELDWORK_CODER` or the login
    /// name in the CLI).
    public var by: String
    public var action: AuditAction
    /// What the action touched: kind, file, document and participant ids, counts, the consent
    /// rules applied. Strings only, so every line has one plain shape.
    public var details: [String: String]
    public var prev: String

    public init(seq: Int, at: String, by: String, action: AuditAction, details: [String: String], prev: String) {
        self.seq = seq
        self.at = at
        self.by = by
        self.action = action
        self.details = details
        self.prev = prev
    }

    /// The details worth showing: those with a value, by key.
    public var shownDetails: [(key: String, value: String)] {
        details.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { ($0.key, $0.value) }
    }

    /// The `prev` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// The entry as one line of JSON (no newline), keys sorted: the bytes the chain hashes.
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Plain strings and integers cannot fail to encode.
        return String(decoding: try! encoder.encode(self), as: UTF8.self)
    }

    public static func parse(_ line: Substring) -> AuditEntry? {
        try? JSONDecoder().decode(AuditEntry.self, from: Data(line.utf8))
    }
}

/// What an audit entry records.
public enum AuditAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Anything written for use outside Fieldwork: CSV, QDPX, matrices, handouts, maps.
    case export
    /// Material brought in: a REFI-QDA project or codebook, transcripts, telemetry.
    case `import`
    /// An ingest that added, changed or lost documents (unchanged runs are not recorded).
    case ingest
    /// A participant's material erased (GDPR art. 17).
    case erasure
    /// A participant's consents changed, as ingest found them in participants.yaml.
    case consent
    /// Identifiers replaced in corpus files or exports.
    case redaction
    /// A code added, renamed or moved.
    case codebook
    /// A team account created, disabled, enabled, given a new password or role (never the password).
    case account
    /// A login to a team server: the account, the client address.
    case login
    /// A refused login: the account when it exists, the client address and why (never the password).
    case loginFailed = "login_failed"
    case logout
}

/// The last entry a store has seen appended: lets `verify` notice lines cut off the end of the
/// log, which the chain alone cannot (what remains is still a valid chain).
public struct AuditHead: Sendable, Hashable {
    public var seq: Int
    /// SHA-256 of the entry's line.
    public var hash: String

    public init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }
}
