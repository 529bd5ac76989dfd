import FieldworkCore
import Foundation
import Logging
import Synchronization

/// The ledger folder of a workspace, `codings/`: one JSON Lines file per person holding the last
/// state of every coding and memo that person changed (see `LedgerRecord`). One instance per
/// open workspace serialises the writes, re-reading a file first if something else (git, a file
/// share) changed it since. The CLI and ingest rewrite a person's file in canonical form,
/// atomically (a temporary file in the same folder, then a rename). A server appends the new
/// state of what changed to the end of the file instead (whole lines in one `write`), which costs
/// what the change costs rather than what the file holds, and rewrites the files it appended to
/// in canonical form when it stops (`finish`); an ingest compacts any file with restated records
/// (a server that was killed).
public actor CodingLedger {
    public let folder: URL
    private struct CachedFile {
        var lines: [String: (order: LedgerRecord.Order, line: String)] = [:]
        var records: [String: LedgerRecord] = [:]
        var stamp: FileStamp?
        /// The file is not in canonical form: lines were appended (new states, new records).
        var appended = false
        var endsWithNewline = true

        mutating func set(_ record: LedgerRecord) {
            lines[record.id] = (record.order, LedgerFile.line(record))
            records[record.id] = record
        }

        var text: String { LedgerFile.join(Array(lines.values)) }
    }

    private var cache: [String: CachedFile] = [:]
    /// A server writes the files shortly after the change, off the request's path, many changes
    /// in one append per file (rewriting a coder's whole file on every request cost ~3 ms at a
    /// few thousand codings, and a rewrite every 200 ms still cost the write p99 its target).
    /// The CLI writes at once: its process ends right after.
    private let deferred: Bool
    /// The changes not yet written, and whether a flush is on its way: outside the actor, so a
    /// request that publishes never waits for the actor while it writes a flush (that wait was
    /// part of the coding writes' p99 under load).
    /// A write that has its record at hand (a coding as inserted or updated) leaves the record
    /// itself: the flush reads back only the ids (removals, restores, memos), which was about
    /// half of the flush's cost at 8 clients (session 30).
    private nonisolated let pending = Mutex<PendingChanges>(PendingChanges())
    private struct PendingChanges {
        var ids: Set<String> = []
        var records: [String: LedgerRecord] = [:]
        var flushScheduled = false
    }
    /// The flush scheduled last: `finish` waits for it. A flush that had taken the pending ids and
    /// was reading their records when the server stopped found `finish` with nothing pending,
    /// and the process ended before it wrote the file.
    private nonisolated let scheduledFlush = Mutex<Task<Void, Never>?>(nil)
    /// What a server appended and has not yet noted in the store as written (the latest version
    /// of each): noted once, when it stops (`finish`), instead of a write transaction beside the
    /// coding writes every 200 ms. A server that is killed notes nothing; the next ingest writes
    /// those records out again, which changes no file's content.
    private var appendedUnnoted: [String: LedgerRecord] = [:]
    static let flushDelay: Duration = .milliseconds(200)

    public init(folder: URL, deferred: Bool = false) {
        self.folder = folder
        self.deferred = deferred
    }

    /// The path of a person's ledger, relative to the workspace: `codings/maja-l.jsonl`.
    public static func relativePath(for person: String) -> String {
        "codings/\(LedgerMerge.fileSlug(for: person)).jsonl"
    }

    /// Writes the records into their changers' files, each file once, in canonical form.
    public func write(_ records: [LedgerRecord]) throws {
        guard !records.isEmpty else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (slug, group) in Dictionary(grouping: records, by: { LedgerMerge.fileSlug(for: $0.changedBy) }) {
            let url = folder.appending(path: slug + ".jsonl")
            var file = try load(url, slug: slug)
            for record in group { file.set(record) }
            try rewrite(url, slug: slug, file)
        }
    }

    /// Appends the records' new state to their changers' files (a file that does not exist yet
    /// is written whole). Records already in a file as they are add nothing.
    func append(_ records: [LedgerRecord]) throws {
        guard !records.isEmpty else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (slug, group) in Dictionary(grouping: records, by: { LedgerMerge.fileSlug(for: $0.changedBy) }) {
            let url = folder.appending(path: slug + ".jsonl")
            var file = try load(url, slug: slug)
            // Out of the cache while it changes: the only copy is changed in place, where a
            // cached copy made every flush copy every record of the file (it is put back below,
            // or read again from the file after a failure).
            cache[slug] = nil
            guard file.stamp != nil else {
                for record in group { file.set(record) }
                try rewrite(url, slug: slug, file)
                continue
            }
            var text = file.endsWithNewline ? "" : "\n"
            for record in group where file.records[record.id] != record {
                file.set(record)
                text += file.lines[record.id]!.line + "\n"
            }
            guard !text.isEmpty else {
                cache[slug] = file
                continue
            }
            try Self.append(text, to: url)
            file.stamp = Self.stamp(url)
            file.endsWithNewline = true
            file.appended = true
            cache[slug] = file
        }
    }

    /// Writes pending changes now and rewrites every file this process appended to in canonical
    /// form: a server calls it when it stops.
    public func finish(from store: any FieldworkStore) async {
        // Not cancelled: a cancelled task's store reads are refused, and its records would be lost to the files.
        if let flush = scheduledFlush.withLock({ $0 }) { await flush.value }
        await flushPending(from: store)
        do {
            try await store.noteLedgerWritten(Array(appendedUnnoted.values))
            appendedUnnoted = [:]
        } catch {
            Self.logger.warning("codings files written, not noted in the store (the next ingest writes them out again): \(error)")
        }
        for (slug, file) in cache where file.appended {
            let url = folder.appending(path: slug + ".jsonl")
            do {
                // Re-read first if someone else changed the file meanwhile.
                try rewrite(url, slug: slug, try load(url, slug: slug))
            } catch {
                Self.logger.warning("codings file \(slug).jsonl not compacted (the next ingest does it): \(error)")
            }
        }
    }

    private func rewrite(_ url: URL, slug: String, _ file: CachedFile) throws {
        var file = file
        try Self.replace(url, with: file.text)
        file.stamp = Self.stamp(url)
        file.appended = false
        file.endsWithNewline = true
        cache[slug] = file
    }

    /// Writes the current state of one coding or memo after a person changed it. A failure is
    /// logged, not thrown: the change is safe in the store, and the next ingest writes it out
    /// (the store remembers what the files hold).
    public nonisolated func publish(_ id: String, from store: any FieldworkStore) async {
        await publish(from: store) { $0.ids.insert(id) }
    }

    /// Writes a coding as this process just wrote it to the store (inserted or updated: the
    /// record the store holds now, so it is not read back).
    public nonisolated func publish(written coding: Coding, from store: any FieldworkStore) async {
        let record = LedgerRecord.coding(LedgerRecord.CodingEntry(coding, changedBy: coding.updatedBy ?? coding.coder))
        await publish(from: store) { pending in
            // Two writes of one coding before a flush: the later version is the state to write.
            if pending.records[record.id].map({ $0.version < record.version }) ?? true {
                pending.records[record.id] = record
            }
        }
    }

    private nonisolated func publish(from store: any FieldworkStore, _ add: (inout PendingChanges) -> Void) async {
        guard deferred else {
            var changes = PendingChanges()
            add(&changes)
            return await flush(changes, from: store)
        }
        let schedules = pending.withLock { pending in
            add(&pending)
            defer { pending.flushScheduled = true }
            return !pending.flushScheduled
        }
        guard schedules else { return }
        // The actor's work (encoding the lines) runs on the flush's own thread (`SerialQueueExecutor.ledgerFlush`).
        let flush = Task(executorPreference: SerialQueueExecutor.ledgerFlush) {
            try? await Task.sleep(for: Self.flushDelay)
            await self.flushPending(from: store)
        }
        scheduledFlush.withLock { $0 = flush }
    }

    private func flushPending(from store: any FieldworkStore) async {
        let changes = pending.withLock { pending in
            defer { pending = PendingChanges() }
            return pending
        }
        guard !changes.ids.isEmpty || !changes.records.isEmpty else { return }
        await flush(changes, from: store)
    }

    private func flush(_ changes: PendingChanges, from store: any FieldworkStore) async {
        do {
            // One read for the ids (a server's flush holds every change of the last moment); a
            // record left by its write counts unless the read found a later version.
            var latest = changes.records
            for record in try await store.ledgerRecords(ids: changes.ids.sorted())
            where latest[record.id].map({ $0.version <= record.version }) ?? true {
                latest[record.id] = record
            }
            // In id order, so a file's appended lines come out the same however they were gathered.
            let records = latest.values.sorted { $0.id < $1.id }
            if deferred {
                try append(records)
                for record in records where appendedUnnoted[record.id].map({ $0.version < record.version }) ?? true {
                    appendedUnnoted[record.id] = record
                }
            } else {
                try write(records)
                // So that the next ingest does not write them out again ("1 written out" after a
                // CLI change).
                do {
                    try await store.noteLedgerWritten(records)
                } catch {
                    Self.logger.warning("codings file written, not noted in the store (the next ingest writes it out again): \(error)")
                }
            }
        } catch {
            let count = changes.ids.union(changes.records.keys).count
            Self.logger.warning("codings file not written for \(EnglishCount.of(count, "change")) (written at the next ingest): \(error)")
        }
    }

    static let logger = Logger(label: "fieldwork.ledger")

    /// Every record of every ledger file, each id once per file. A file with a bad line is left
    /// out whole (nothing of it is taken in) and its first problem reported as
    /// `codings/x.jsonl:LINE: problem`. A file with restated records (appended by a server that
    /// did not stop cleanly, here or on a colleague's machine) is rewritten in canonical form:
    /// the same records always give the same bytes, so two machines compacting it agree.
    public func readAll() -> (records: [LedgerRecord], problems: [SourceProblem]) {
        var records: [LedgerRecord] = []
        var problems: [SourceProblem] = []
        for url in Self.files(in: folder) {
            let slug = String(url.lastPathComponent.dropLast(".jsonl".count))
            do {
                let file = try load(url, slug: slug)
                records += file.records.values
                if file.appended { try rewrite(url, slug: slug, file) }
            } catch let problem as SourceProblem {
                problems.append(problem)
            } catch {
                problems.append(SourceProblem(file: "codings/" + url.lastPathComponent, line: 1, "cannot be rewritten: \(error)"))
            }
        }
        return (records, problems)
    }

    /// The stamps of the files that someone else changed since this process last wrote them
    /// (a `git pull`, a file share): a cheap way to notice colleagues' work.
    public func foreignStamps() -> [String: Date] {
        var result: [String: Date] = [:]
        for url in Self.files(in: folder) {
            let stamp = Self.stamp(url)
            let slug = String(url.lastPathComponent.dropLast(".jsonl".count))
            if let cached = cache[slug], cached.stamp == stamp { continue }
            result[url.lastPathComponent] = stamp.map { Date(timeIntervalSince1970: Double($0.modifiedNanoseconds) / 1e9) }
        }
        return result
    }

    private func load(_ url: URL, slug: String) throws -> CachedFile {
        let stamp = Self.stamp(url)
        if let cached = cache[slug], cached.stamp == stamp { return cached }
        var file = CachedFile(stamp: stamp)
        guard stamp != nil else { return file }
        // A file we cannot read is never overwritten: that would lose what it holds.
        let (parsed, endsWithNewline) = try Self.parse(url)
        let (records, superseded) = LedgerFile.compacted(parsed)
        for record in records { file.set(record) }
        // Restated or out-of-order records: lines a server appended and never compacted.
        file.appended = superseded || zip(records, records.dropFirst()).contains { $1.order < $0.order }
        file.endsWithNewline = endsWithNewline
        return file
    }

    private static func parse(_ url: URL) throws(SourceProblem) -> (records: [LedgerRecord], endsWithNewline: Bool) {
        let name = "codings/" + url.lastPathComponent
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SourceProblem(file: name, line: 1, "cannot be read")
        }
        guard let text = String(validatingUTF8: data) else {
            throw SourceProblem(file: name, line: Self.firstBadLine(data), "is not UTF-8")
        }
        return (try LedgerFile.parse(text, file: name), data.isEmpty || data.last == UInt8(ascii: "\n"))
    }

    private static func firstBadLine(_ data: Data) -> Int {
        var line = 1
        for chunk in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if String(validatingUTF8: Data(chunk)) == nil { return line }
            line += 1
        }
        return line
    }

    private static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted().map { folder.appending(path: $0) }
    }

    /// The file's size and modification time (`stat`: `FileManager`'s attributes also look up
    /// the owner's and group's names, reading /etc/passwd and /etc/group on every flush).
    private static func stamp(_ url: URL) -> FileStamp? {
        FileStamps.current(of: url)
    }

    /// Whole lines at the end in one `write` (O_APPEND): a reader sees the file with or without them.
    private static func append(_ text: String, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_APPEND)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
    }

    /// Atomic replacement: readers (git, a colleague's share) see the old file or the new one.
    private static func replace(_ url: URL, with text: String) throws {
        let temporary = url.deletingLastPathComponent().appending(path: ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }
}

extension String {
    init?(validatingUTF8 data: Data) {
        guard let text = String(bytes: data, encoding: .utf8) else { return nil }
        self = text
    }
}
