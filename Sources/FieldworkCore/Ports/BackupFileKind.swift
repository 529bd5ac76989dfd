/// What a file offered as a backup is, from its first bytes, so that a backup of the other kind
/// of store is named as such: a PostgreSQL dump restored into a SQLite workspace was refused only
/// as "not a SQLite database" (found by a new user).
public enum BackupFileKind: Sendable, Equatable {
    /// A SQLite database (`fieldwork backup` of a workspace on SQLite).
    case sqlite
    /// A `pg_dump` custom-format dump (`fieldwork backup` of a store on PostgreSQL, `pg_dump -Fc`).
    case postgresDump
    /// A plain SQL dump (`pg_dump` without `-Fc`).
    case postgresSQL
    case other

    /// How many bytes `init(head:)` looks at.
    public static let headLength = 256

    public init(head: [UInt8]) {
        let text = String(decoding: head, as: UTF8.self)
        if head.starts(with: Array("SQLite format 3\u{0}".utf8)) {
            self = .sqlite
        } else if head.starts(with: Array("PGDMP".utf8)) {
            self = .postgresDump
        } else if text.contains("-- PostgreSQL database dump") {
            self = .postgresSQL
        } else {
            self = .other
        }
    }

    /// Why a file of this kind cannot restore a store of the other kind, or nil.
    /// - Parameter postgres: the workspace's study is in PostgreSQL (else in its SQLite file).
    public func mismatch(restoringPostgres postgres: Bool) -> String? {
        switch (self, postgres) {
        case (.postgresDump, false), (.postgresSQL, false):
            return "this looks like a PostgreSQL dump (\(self == .postgresDump ? "pg_dump's custom format" : "plain SQL from pg_dump")), "
                + "and this workspace's study is in its SQLite file: restore it where the study's store is that PostgreSQL "
                + "database (--store URL, or store: in fieldwork.yaml); nothing was changed"
        case (.sqlite, true):
            return "this looks like a SQLite database (a backup of a workspace on SQLite), and this workspace's study is in "
                + "PostgreSQL: restore it in a workspace on SQLite, then move the study with `fieldwork store copy --to URL`; "
                + "nothing was changed"
        default:
            return nil
        }
    }
}
