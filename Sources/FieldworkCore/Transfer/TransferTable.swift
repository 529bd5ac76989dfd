/// One table of a study as a store copy carries it (`StoreTransfer`): the columns both stores
/// hold, with their kinds, in the SQLite schema's names. What a store derives from them (the
/// full-text index, PostgreSQL's `tsvector` and the codebook's `book_order`) is not carried:
/// the loading store derives it again.
public struct TransferTable: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case integer, real, text, boolean
        /// A list or map: TEXT in SQLite, jsonb in PostgreSQL; carried in canonical form.
        case json
    }

    public struct Column: Sendable, Hashable {
        public let name: String
        public let kind: Kind
    }

    /// How rows are ordered, which is the order of the checksum.
    public enum Order: Sendable, Hashable {
        /// By the primary key's columns (text compared byte for byte, as SQLite's BINARY and
        /// PostgreSQL's "C" collation compare UTF-8).
        case key([String])
        /// In the order the codebook listed its codes (SQLite's rowid, PostgreSQL's `book_order`).
        case bookOrder
    }

    public let name: String
    public let columns: [Column]
    public let order: Order
    /// Rows per batch: a few long transcripts, or many small rows.
    public let batchRows: Int
    /// What one row is, for messages ("documents", "telemetry readings").
    public let noun: String

    init(_ name: String, _ noun: String, order: Order, batchRows: Int = 1_000, _ columns: [(String, Kind)]) {
        self.name = name
        self.noun = noun
        self.order = order
        self.batchRows = batchRows
        self.columns = columns.map { Column(name: $0.0, kind: $0.1) }
    }

    public func column(_ name: String) -> Column? { columns.first { $0.name == name } }

    /// The key columns (empty for `bookOrder`).
    public var keyColumns: [Column] {
        guard case .key(let names) = order else { return [] }
        return names.compactMap(column)
    }

    public var isTelemetry: Bool { TransferTable.telemetry.contains(self) }
}

extension TransferTable {
    /// Everything that makes a study, in loading order (a table after those it refers to).
    public static let study: [TransferTable] = core + telemetry

    /// The tables every store holds.
    public static let core: [TransferTable] = [
        TransferTable("source_file", "source file states", order: .key(["path"]), [
            ("path", .text), ("content_hash", .text), ("document_id", .text), ("parser_version", .integer), ("ingested_at", .text),
        ]),
        TransferTable("document", "documents", order: .key(["id"]), batchRows: 20, [
            ("id", .text), ("path", .text), ("type", .text), ("title", .text), ("date", .text), ("language", .text),
            ("interviewer", .text), ("administrations", .json), ("plain_text", .text), ("revision", .integer),
            ("ingested_at", .text), ("media", .text),
        ]),
        TransferTable("participant", "participants", order: .key(["id"]), [
            ("id", .text), ("role", .text), ("administrations", .json), ("attributes", .json),
        ]),
        TransferTable("consent", "consents", order: .key(["id"]), [
            ("id", .text), ("participant_id", .text), ("date", .text), ("scopes", .json), ("withdrawn", .text), ("receipt", .json),
        ]),
        TransferTable("document_participant", "document participants", order: .key(["document_id", "participant_id"]), [
            ("document_id", .text), ("participant_id", .text), ("position", .integer),
        ]),
        TransferTable("segment", "segments", order: .key(["id"]), [
            ("id", .integer), ("document_id", .text), ("idx", .integer), ("kind", .text), ("speaker", .text),
            ("heading_path", .json), ("start", .integer), ("end", .integer), ("line_start", .integer),
            ("line_end", .integer), ("time_start", .real), ("time_end", .real),
        ]),
        TransferTable("code", "codes", order: .bookOrder, [
            ("id", .text), ("parent_id", .text), ("position", .integer), ("name", .text), ("kind", .text),
            ("description", .text), ("include", .text), ("exclude", .text), ("examples", .json), ("color", .text),
            ("formerly", .json), ("source_file", .text), ("source_line", .integer), ("translations", .json),
            ("questions", .json),
        ]),
        TransferTable("coding", "codings", order: .key(["id"]), [
            ("id", .text), ("document_id", .text), ("code_id", .text), ("coder", .text), ("memo", .text),
            ("start", .integer), ("end", .integer), ("quote", .text), ("prefix", .text), ("suffix", .text),
            ("status", .text), ("anchor_method", .text), ("created_at", .text), ("updated_at", .text),
            ("version", .integer), ("removed_at", .text), ("removed_by", .text), ("updated_by", .text),
        ]),
        TransferTable("coding_event", "coding history events", order: .key(["id"]), [
            ("id", .integer), ("coding_id", .text), ("kind", .text), ("at", .text), ("by", .text), ("old_code", .text),
            ("new_code", .text), ("memo_changed", .boolean), ("old_start", .integer), ("old_end", .integer),
            ("new_start", .integer), ("new_end", .integer), ("method", .text), ("source", .text), ("version", .integer),
        ]),
        TransferTable("memo", "memos", order: .key(["id"]), [
            ("id", .text), ("target", .text), ("target_id", .text), ("author", .text), ("text", .text),
            ("created_at", .text), ("updated_at", .text), ("version", .integer), ("removed_at", .text), ("removed_by", .text),
        ]),
        TransferTable("need_link", "need links", order: .key(["need_id", "solution_id"]), [
            ("need_id", .text), ("solution_id", .text), ("rationale", .text), ("status", .text),
            ("linked_by", .text), ("linked_at", .text), ("removed_at", .text), ("removed_by", .text),
        ]),
        TransferTable("ledger_seen", "ledger entries", order: .key(["id"]), [
            ("id", .text), ("version", .integer), ("changed_at", .text),
        ]),
        TransferTable("audit_head", "audit heads", order: .key(["id"]), [
            ("id", .integer), ("seq", .integer), ("hash", .text),
        ]),
        TransferTable("account", "accounts", order: .key(["name"]), [
            ("name", .text), ("role", .text), ("password_hash", .text), ("disabled", .boolean),
            ("created_at", .text), ("updated_at", .text),
        ]),
    ]

    /// Telemetry: devices by pseudonym, metrics, imports, readings and their day rollups.
    public static let telemetry: [TransferTable] = [
        TransferTable("telemetry_device", "telemetry devices", order: .key(["id"]), [
            ("id", .integer), ("name", .text), ("solution_id", .text), ("participant_id", .text),
        ]),
        TransferTable("telemetry_metric", "telemetry metrics", order: .key(["id"]), [
            ("id", .integer), ("name", .text), ("unit", .text),
        ]),
        TransferTable("telemetry_import", "telemetry imports", order: .key(["id"]), [
            ("id", .integer), ("source", .text), ("started_at", .text), ("finished_at", .text), ("state", .text),
            ("content_hash", .text),
        ]),
        TransferTable("reading", "telemetry readings", order: .key(["device_id", "metric_id", "t"]), batchRows: 5_000, [
            ("device_id", .integer), ("metric_id", .integer), ("t", .integer), ("value", .real), ("sum", .real),
            ("import_id", .integer),
        ]),
        TransferTable("reading_day", "telemetry day rollups", order: .key(["device_id", "metric_id", "day"]), batchRows: 5_000, [
            ("device_id", .integer), ("metric_id", .integer), ("day", .integer), ("count", .integer),
            ("min_value", .real), ("max_value", .real), ("total", .real),
        ]),
    ]

    public static func named(_ name: String) -> TransferTable? { study.first { $0.name == name } }
}
