import Foundation

/// Reading and writing one ledger file: JSON Lines, one record per line, keys sorted, records in
/// a stable order, times in UTC with milliseconds — the same records always give the same bytes.
public enum LedgerFile {
    /// The file's text: one line per record, in `LedgerRecord.order`.
    public static func render(_ records: [LedgerRecord]) -> String {
        join(records.map { (order: $0.order, line: line($0)) })
    }

    /// The records of a parsed file with each id once (the state `LedgerMerge` picks: appended
    /// lines hold later versions), and whether any line was superseded.
    public static func compacted(_ records: [LedgerRecord]) -> (records: [LedgerRecord], superseded: Bool) {
        let winners = LedgerMerge.latest(records)
        guard winners.count < records.count else { return (records, false) }
        return (winners.values.sorted { $0.order < $1.order }, true)
    }

    /// Lines already rendered (a writer keeps them to re-encode only what changed), in order.
    public static func join(_ lines: [(order: LedgerRecord.Order, line: String)]) -> String {
        lines.sorted { $0.order < $1.order }.map { $0.line + "\n" }.joined()
    }

    /// One encoder for every line (it is thread-safe): a server's flush writes hundreds of lines.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(LedgerTime.string(date))
        }
        return encoder
    }()

    /// One record as one line of JSON (no newline), keys sorted.
    public static func line(_ record: LedgerRecord) -> String {
        switch record {
        case .coding(let entry): codingLine(entry)
        case .memo, .needLink: encodedLine(record)
        }
    }

    /// The line `JSONEncoder` writes for a record: memos' and links' lines, and the reference the
    /// hand-written coding lines are held to (`LedgerFileTests`).
    public static func encodedLine(_ record: LedgerRecord) -> String {
        // Encoding plain values cannot fail; a failure here is a programming error.
        let data: Data
        switch record {
        case .coding(let entry): data = try! encoder.encode(Tagged(type: "coding", entry: entry))
        case .memo(let entry): data = try! encoder.encode(Tagged(type: "memo", entry: entry))
        case .needLink(let entry): data = try! encoder.encode(Tagged(type: "need_link", entry: entry))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A coding's line written by hand, keys in sorted order: a server's flush writes one per
    /// changed coding, and `JSONEncoder` made the flush a burst of CPU every 200 ms under load.
    private static func codingLine(_ entry: LedgerRecord.CodingEntry) -> String {
        var json = JSONText(capacity: 384 + entry.quote.utf8.count + (entry.memo?.utf8.count ?? 0))
        json.beginObject()
        json.key("changed_by"); json.value(entry.changedBy)
        json.key("code"); json.value(entry.code)
        json.key("coder"); json.value(entry.coder)
        json.key("created"); json.value(LedgerTime.string(entry.created))
        json.key("document"); json.value(entry.document)
        json.key("end"); json.value(entry.end)
        json.key("id"); json.value(entry.id)
        if let memo = entry.memo { json.key("memo"); json.value(memo) }
        json.key("prefix"); json.value(entry.prefix)
        json.key("quote"); json.value(entry.quote)
        if let removed = entry.removed {
            json.key("removed")
            json.beginObject()
            json.key("at"); json.value(LedgerTime.string(removed.at))
            json.key("by"); json.value(removed.by)
            json.endObject()
        }
        json.key("start"); json.value(entry.start)
        json.key("suffix"); json.value(entry.suffix)
        json.key("type"); json.value("coding")
        json.key("updated"); json.value(LedgerTime.string(entry.updated))
        json.key("version"); json.value(entry.version)
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// Every record of a file, or the first problem as `file:line: problem`. Blank lines are
    /// allowed, and so is a record restated further down: a running server appends the new state
    /// of what changed instead of rewriting the file (`compacted` puts it back in canonical form).
    public static func parse(_ text: String, file: String) throws(SourceProblem) -> [LedgerRecord] {
        try numbered(text, file: file).map(\.record)
    }

    /// `parse`, with the line (from 1) each record is on.
    public static func numbered(_ text: String, file: String) throws(SourceProblem) -> [(line: Int, record: LedgerRecord)] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = LedgerTime.date(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a UTC time like 2025-05-06T13:02:11.250Z")
            }
            return date
        }
        var records: [(line: Int, record: LedgerRecord)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            guard !content.allSatisfy(\.isWhitespace) else { continue }
            let record: LedgerRecord
            do {
                let data = Data(content.utf8)
                let kind = try decoder.decode(Kind.self, from: data).type
                switch kind {
                case "coding": record = .coding(try decoder.decode(LedgerRecord.CodingEntry.self, from: data))
                case "memo": record = .memo(try decoder.decode(LedgerRecord.MemoEntry.self, from: data))
                case "need_link": record = .needLink(try decoder.decode(LedgerRecord.NeedLinkEntry.self, from: data))
                default: throw SourceProblem(file: file, line: index + 1, "unknown record type '\(kind)' (coding, memo or need_link)")
                }
            } catch let problem as SourceProblem {
                throw problem
            } catch {
                throw SourceProblem(file: file, line: index + 1, describe(error))
            }
            if let problem = check(record) { throw SourceProblem(file: file, line: index + 1, problem) }
            records.append((index + 1, record))
        }
        return records
    }

    private struct Kind: Decodable { let type: String }

    private struct Tagged<Entry: Encodable>: Encodable {
        let type: String
        let entry: Entry

        func encode(to encoder: any Encoder) throws {
            try entry.encode(to: encoder)
            var container = encoder.container(keyedBy: TypeKey.self)
            try container.encode(type, forKey: .type)
        }

        enum TypeKey: String, CodingKey { case type }
    }

    /// Rules a decoded record must keep beyond its JSON shape.
    static func check(_ record: LedgerRecord) -> String? {
        switch record {
        case .coding(let entry):
            if entry.start < 0 || entry.end <= entry.start {
                return "coding \(entry.id): span [\(entry.start), \(entry.end)) must start at 0 or later and end after its start"
            }
            if entry.quote.unicodeScalars.count != entry.end - entry.start {
                return "coding \(entry.id): the quote has \(entry.quote.unicodeScalars.count) characters but the span \(entry.end - entry.start)"
            }
            if entry.version < 1 { return "coding \(entry.id): version must be 1 or more" }
            if entry.coder.isEmpty || entry.changedBy.isEmpty { return "coding \(entry.id): coder and changed_by are required" }
            if let problem = NULCharacter.problem(in: ["memo": entry.memo, "coder": entry.coder, "changed_by": entry.changedBy]) {
                return "coding \(entry.id): \(problem)"
            }
        case .memo(let entry):
            if entry.version < 1 { return "memo \(entry.id): version must be 1 or more" }
            if entry.author.isEmpty || entry.changedBy.isEmpty { return "memo \(entry.id): author and changed_by are required" }
            if let problem = NULCharacter.problem(in: ["text": entry.text, "author": entry.author, "changed_by": entry.changedBy]) {
                return "memo \(entry.id): \(problem)"
            }
        case .needLink(let entry):
            if entry.need.isEmpty || entry.solution.isEmpty { return "need_link: need and solution are required" }
            if entry.linkedBy.isEmpty || entry.removed?.by.isEmpty == true {
                return "need_link \(entry.need) > \(entry.solution): linked_by and removed.by must name someone"
            }
            if entry.rationale.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return "need_link \(entry.need) > \(entry.solution): the rationale is empty"
            }
            if let problem = NULCharacter.problem(in: ["rationale": entry.rationale, "linked_by": entry.linkedBy]) {
                return "need_link \(entry.need) > \(entry.solution): \(problem)"
            }
        }
        return nil
    }

    /// A decoding error as one line: the field and what is wrong, never the line's content.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not a JSON object" }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context): return "field '\(path(context))' has the wrong type"
        case .valueNotFound(_, let context): return "field '\(path(context))' must not be null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "field '\(path(context))': \(context.debugDescription)"
        @unknown default: return "not a valid record"
        }
    }
}

/// UTC times with milliseconds, as the API writes them.
enum LedgerTime {
    /// To the nearest millisecond: a time read from a file (".727" is 0.726999… as a double)
    /// must be written back as it was, or every rewrite would show a change in the diff.
    static func string(_ date: Date) -> String {
        UTCTime.isoTimestamp(date: date)
    }

    static func date(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text)
    }
}
