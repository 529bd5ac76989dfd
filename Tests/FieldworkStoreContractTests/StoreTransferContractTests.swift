import FieldworkCore
import Foundation
import Testing

/// `fieldwork store copy` at the store level: a study read from one store and loaded into an
/// empty one of either kind, verified by rows and checksums, everything or nothing.
@Suite struct StoreTransferContractTests {
    /// Every pair of stores: SQLite → SQLite always, and with PostgreSQL both directions.
    static var pairs: [(StoreKind, StoreKind)] {
        StoreKind.available.flatMap { source in StoreKind.available.map { (source, $0) } }
    }

    @Test(arguments: pairs) func aStudyCopiesWholeAndReadsTheSame(_ source: StoreKind, _ target: StoreKind) async throws {
        try await StoreUnderTest.with(source) { _, from in
            try await Study.seed(from)
            try await StoreUnderTest.with(target) { subject, to in
                let copy = try await StoreCopy.run(from: transfer(from), to: transfer(to))
                #expect(copy.source == copy.target)
                #expect(copy.target.entry("coding_event")?.rows == 5)
                #expect(copy.target.entry("document")?.rows == 2)
                #expect(copy.target.entry("reading")?.rows == TelemetryContractTests.sample.count)
                // What the services read is the same, read from storage again.
                let copied = try await subject.reopen()
                try await Study.expectSame(from, copied)
                // …and the copy computes the same manifest when read again on its own.
                var builder = TransferManifest.Builder(tables: try transfer(copied).transferTables)
                try await transfer(copied).readTransfer { builder.add($0) }
                #expect(builder.manifest() == copy.target)
                // Ids continue after the copied ones: the next event does not collide.
                try await copied.removeCoding(id: "c-2", by: "Cecilia", expectedVersion: nil)
                #expect(try await copied.codingHistory(id: "c-2")?.map(\.kind) == [.created, .removed])
                // …and a new device and import do not collide with the copied ones either.
                let more = TelemetryContractTests.Offer(device: "r03-bed", metric: "pressure", unit: nil,
                                                        time: TelemetryContractTests.day0, value: 1)
                try await TelemetryContractTests.load(copied, [more], source: "corpus/telemetry/b.csv", devices: [
                    TelemetryDevice(name: "r03-bed", solutionID: "bed-sensor", participantID: "R01"),
                ])
                #expect(try await copied.telemetryDevices().count == 3)
            }
        }
    }

    @Test(arguments: pairs) func aTargetThatHoldsAnythingIsRefusedAndKept(_ source: StoreKind, _ target: StoreKind) async throws {
        try await StoreUnderTest.with(source) { _, from in
            try await Study.seed(from)
            try await StoreUnderTest.with(target) { _, to in
                try await to.insertAccount(Account(name: "admin", role: .admin, passwordHash: "$2b$04$x", createdAt: Date()))
                await #expect(throws: StoreTransferError.notEmpty(["account": 1])) {
                    try await StoreCopy.run(from: transfer(from), to: transfer(to))
                }
                #expect(try await transfer(to).transferCounts().filter { $0.value > 0 } == ["account": 1])
                let error = StoreTransferError.notEmpty(["account": 1, "document": 2])
                #expect("\(error)".contains("it holds 2 documents, 1 accounts"))
            }
        }
    }

    /// A constraint the target enforces fails midway (a consent for a participant who is not
    /// there): the target keeps nothing of what was loaded before it.
    @Test(arguments: StoreKind.available) func aFailureMidwayLeavesTheTargetEmpty(_ target: StoreKind) async throws {
        try await StoreUnderTest.with(.sqlite) { _, from in
            try await Study.seed(from)
            try await StoreUnderTest.with(target) { _, to in
                await #expect(throws: (any Error).self) {
                    try await StoreCopy.run(from: OrphanConsent(base: transfer(from)), to: transfer(to))
                }
                let left = try await transfer(to).transferCounts()
                #expect(left.values.allSatisfy { $0 == 0 })
            }
        }
    }

    /// A target that stores something other than it was given is caught by the checksums
    /// before it keeps the copy.
    @Test(arguments: StoreKind.available) func aDifferenceIsNamedAndRolledBack(_ target: StoreKind) async throws {
        try await StoreUnderTest.with(.sqlite) { _, from in
            try await Study.seed(from)
            try await StoreUnderTest.with(target) { _, to in
                await #expect {
                    try await StoreCopy.run(from: transfer(from), to: Tampering(base: transfer(to)))
                } throws: { error in
                    guard case .mismatch(let table, _, _)? = error as? StoreTransferError else { return false }
                    return table == "memo"
                }
                let left = try await transfer(to).transferCounts()
                #expect(left.values.allSatisfy { $0 == 0 })
            }
        }
    }

    @Test func telemetryTheTargetCannotHoldIsRefusedBeforeAnythingIsWritten() async throws {
        let error = StoreTransferError.unsupported(table: "reading", rows: 12)
        #expect("\(error)" == "the source holds 12 telemetry readings (reading), which the target store cannot hold yet; nothing was copied")
        try await StoreUnderTest.with(.sqlite) { _, from in
            try await Study.seed(from)
            let limited = Limited(base: try transfer(from))
            // The seeded study has telemetry: its first table is named.
            await #expect(throws: StoreTransferError.unsupported(table: "telemetry_device", rows: 2)) {
                try await StoreCopy.run(from: transfer(from), to: limited)
            }
        }
    }

    private func transfer(_ store: any FieldworkStore) throws -> any StoreTransfer {
        try #require(store as? any StoreTransfer)
    }
}

/// A source that adds a consent of a participant who does not exist.
private struct OrphanConsent: StoreTransfer {
    let base: any StoreTransfer
    var transferTables: [TransferTable] { base.transferTables }
    func transferCounts() async throws -> [String: Int] { try await base.transferCounts() }
    func loadTransfer(_ produce: (any TransferSink) async throws -> TransferManifest) async throws -> TransferManifest {
        try await base.loadTransfer(produce)
    }

    func readTransfer(_ consume: (TransferBatch) async throws -> Void) async throws {
        try await base.readTransfer { batch in
            guard batch.table.name == "consent" else { return try await consume(batch) }
            let orphan: [TransferValue] = [.text("k-orphan"), .text("NOBODY"), .text("2025-01-01"), .json("[]"), .null, .null]
            try await consume(TransferBatch(table: batch.table, offset: batch.offset, rows: batch.rows + [orphan]))
        }
    }
}

/// A target whose sink changes one memo's text on the way in.
private struct Tampering: StoreTransfer {
    let base: any StoreTransfer
    var transferTables: [TransferTable] { base.transferTables }
    func transferCounts() async throws -> [String: Int] { try await base.transferCounts() }
    func readTransfer(_ consume: (TransferBatch) async throws -> Void) async throws { try await base.readTransfer(consume) }

    func loadTransfer(_ produce: (any TransferSink) async throws -> TransferManifest) async throws -> TransferManifest {
        try await base.loadTransfer { sink in try await produce(Sink(base: sink)) }
    }

    struct Sink: TransferSink {
        let base: any TransferSink
        func write(_ batch: TransferBatch) async throws {
            guard batch.table.name == "memo", let text = batch.table.columns.firstIndex(where: { $0.name == "text" }) else {
                return try await base.write(batch)
            }
            var rows = batch.rows
            rows[0][text] = .text("changed on the way")
            try await base.write(TransferBatch(table: batch.table, offset: batch.offset, rows: rows))
        }
    }
}

/// A target that cannot hold telemetry.
private struct Limited: StoreTransfer {
    let base: any StoreTransfer
    var transferTables: [TransferTable] { TransferTable.core }
    func transferCounts() async throws -> [String: Int] { try await base.transferCounts() }
    func readTransfer(_ consume: (TransferBatch) async throws -> Void) async throws { try await base.readTransfer(consume) }
    func loadTransfer(_ produce: (any TransferSink) async throws -> TransferManifest) async throws -> TransferManifest {
        Issue.record("the copy should have been refused before loading")
        return try await base.loadTransfer(produce)
    }
}

/// A small study with something in every table both stores hold.
private enum Study {
    static let first = "Kaffe med grannen 👩‍👩‍👧 på morgonen.\n\nSedan hemtjänst."
    static let second = "Natten var orolig.\n\nDörren låstes."

    static func seed(_ store: any FieldworkStore) async throws {
        _ = try await store.replaceCodebook(Codebook(codes: [
            Code(id: "need", name: "Behov", kind: .need),
            Code(id: "need.coffee", name: "Kaffe", kind: .need, formerly: ["need.fika"]),
            Code(id: "emotion", name: "Känsla", kind: .emotion, position: 2),
        ]), files: [SourceFileState(path: "codebooks/main.yaml", contentHash: "cb", parserVersion: 1)])
        var consent = Consent(id: "k1", date: "2025-03-01", scopes: [.interview, .quote], withdrawn: nil,
                              telemetryDevices: ["door-1"], administrations: [], retainUntil: "2030-01-01")
        consent.notice = ConsentNotice(version: "2", language: "sv")
        try await store.replaceParticipants([
            Participant(id: "R01", role: .resident, attributes: ["living_situation": "alone", "age_band": "80–84"], consents: [consent]),
            Participant(id: "R02", role: .relative),
        ], file: SourceFileState(path: "corpus/participants.yaml", contentHash: "p", parserVersion: 1))
        _ = try await store.applyDocuments([
            Fixtures.change("n1", text: first, hash: "a", participants: ["R01"]),
            Fixtures.change("n2", text: second, hash: "b", language: "en", participants: ["R01", "R02"]),
        ])
        var made = Fixtures.coding("c-1", in: first, span: try Fixtures.span(of: "Kaffe", in: first))
        try await store.insertCoding(made)
        made.codeID = "need.coffee"
        made.memo = "fika"
        made.version = 2
        made.updatedBy = "Bo"
        made.updatedAt = Coding.timestamp()
        try await store.updateCoding(made)
        try await store.insertCoding(Fixtures.coding("c-2", in: second, span: try Fixtures.span(of: "orolig", in: second),
                                                     document: "n2", code: "emotion", coder: "Bo"))
        try await store.insertCoding(Fixtures.coding("c-3", in: second, span: try Fixtures.span(of: "Dörren", in: second),
                                                     document: "n2", coder: "Anna"))
        try await store.removeCoding(id: "c-3", by: "Anna", expectedVersion: nil)
        try await store.insertMemo(Memo(id: "m-1", target: .code, targetID: "need", author: "Anna", text: "Första tanken",
                                        createdAt: Coding.timestamp()))
        try await store.noteLedgerWritten(try await store.ledgerRecords(ids: ["c-1", "m-1"]))
        try await store.saveNeedLink(NeedSolutionLink(needID: "need.safety", solutionID: "door-sensor", rationale: "oro",
                                                      linkedBy: "Anna", linkedAt: Coding.timestamp()))
        try await store.recordAuditHead(AuditHead(seq: 7, hash: String(repeating: "ab", count: 32)))
        try await store.insertAccount(Account(name: "Anna Lind", role: .researcher, passwordHash: "$2b$04$hash", createdAt: Date()))
        try await TelemetryContractTests.load(store, TelemetryContractTests.sample)
    }

    static func expectSame(_ a: any FieldworkStore, _ b: any FieldworkStore) async throws {
        #expect(try await a.counts() == b.counts())
        #expect(try await a.documents() == b.documents())
        #expect(try await a.document(id: "n1") == b.document(id: "n1"))
        #expect(try await a.segments(documentID: "n2") == b.segments(documentID: "n2"))
        #expect(try await a.codebook() == b.codebook())
        #expect(try await a.participants() == b.participants())
        #expect(try await a.codings(CodingFilter()) == b.codings(CodingFilter()))
        for id in ["c-1", "c-2", "c-3"] { #expect(try await a.codingHistory(id: id) == b.codingHistory(id: id)) }
        #expect(try await a.memos(target: nil, targetID: nil) == b.memos(target: nil, targetID: nil))
        #expect(try await a.needLinks(needID: nil) == b.needLinks(needID: nil))
        #expect(try await a.ledgerVersions() == b.ledgerVersions())
        #expect(try await a.auditHead() == b.auditHead())
        #expect(try await a.accounts() == b.accounts())
        #expect(try await a.telemetryDevices() == b.telemetryDevices())
        #expect(try await a.telemetryDays(devices: nil) == b.telemetryDays(devices: nil))
        #expect(try await a.telemetryReadings(device: "r01-plug", metrics: nil, from: nil, to: nil)
                == b.telemetryReadings(device: "r01-plug", metrics: nil, from: nil, to: nil))
        // The search index was built again from the copied text.
        #expect(try await b.search(SearchQuery("hemtjänst")).map(\.documentID) == ["n1"])
    }
}
