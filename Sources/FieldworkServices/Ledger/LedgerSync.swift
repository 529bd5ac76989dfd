import FieldworkCore
import Foundation

/// Brings the store and the ledger files together (run by every ingest, and by a server when a
/// file in `codings/` changes): first what was changed here and never reached a file is written
/// out, then every record newer in the files than in the store is placed in the current text
/// and taken in, in one transaction; then need–solution links the same way, in a second one
/// (see `NeedLinkReconciliation`).
public struct LedgerSync: Sendable {
    public struct Report: Sendable, Hashable {
        /// Records written to files (changes made here that were not in them yet).
        public var written = 0
        /// Records taken in from the files (need–solution links included).
        public var taken = 0
        /// Of those, codings whose text could not be found: kept as orphans.
        public var orphaned = 0
        /// Of `written` and `taken`, need–solution links.
        public var linksWritten = 0
        public var linksTaken = 0
        /// Codings of documents this workspace does not have (yet): left in the files.
        public var waiting = 0
        /// `codings/x.jsonl:LINE: problem`; such a file is left out whole.
        public var problems: [SourceProblem] = []

        public init() {}
    }

    let store: any FieldworkStore
    let ledger: CodingLedger

    public init(store: any FieldworkStore, ledger: CodingLedger) {
        self.store = store
        self.ledger = ledger
    }

    public func sync() async throws -> Report {
        var report = Report()
        let (allRecords, problems) = await ledger.readAll()
        report.problems = problems
        var records: [LedgerRecord] = []
        var links: [LedgerRecord.NeedLinkEntry] = []
        for record in allRecords {
            if case .needLink(let entry) = record { links.append(entry) } else { records.append(record) }
        }
        // A person's file that cannot be read is not rewritten: their local changes wait.
        let unreadable = Set(problems.map(\.location.file))
        let unsynced = try await store.unsyncedLedgerRecords()
            .filter { !unreadable.contains(CodingLedger.relativePath(for: $0.changedBy)) }
        try await ledger.write(unsynced)
        try await store.noteLedgerWritten(unsynced)
        report.written = unsynced.count

        let seen = try await store.ledgerVersions()
        let written = Dictionary(unsynced.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var texts: [String: ScalarText?] = [:]
        var changes: [LedgerChange] = []
        for record in LedgerMerge.latest(records + unsynced).values.sorted(by: { $0.id < $1.id }) {
            guard record.version > seen[record.id] ?? 0, written[record.id] != record else { continue }
            switch record {
            case .coding(let entry):
                if texts[entry.document] == nil {
                    texts[entry.document] = try await store.document(id: entry.document).map { ScalarText($0.plainText) }
                }
                guard let text = texts[entry.document] ?? nil else {
                    report.waiting += 1
                    continue
                }
                let placed = LedgerPlacement.place(entry.coding, in: text)
                if placed.status == .orphaned { report.orphaned += 1 }
                changes.append(.coding(placed, changedBy: entry.changedBy, removed: entry.removed, ledgerVersion: entry.version,
                                       file: CodingLedger.relativePath(for: entry.changedBy)))
            case .memo(let entry):
                changes.append(.memo(entry.memo, removed: entry.removed, ledgerVersion: entry.version))
            case .needLink:
                continue
            }
        }
        try await store.applyLedger(changes)
        report.taken = changes.count
        try await syncLinks(files: links, unreadable: unreadable, into: &report)
        return report
    }

    private func syncLinks(files: [LedgerRecord.NeedLinkEntry], unreadable: Set<String>, into report: inout Report) async throws {
        let plan = NeedLinkReconciliation.plan(files: files, stored: try await store.needLinkRecords())
        let written = plan.write.filter { !unreadable.contains(CodingLedger.relativePath(for: $0.changedBy)) }
        try await ledger.write(written.map { .needLink($0) })
        try await store.applyNeedLinks(plan.take)
        report.written += written.count
        report.taken += plan.take.count
        report.linksWritten = written.count
        report.linksTaken = plan.take.count
    }
}
