import FieldworkCore
import Foundation
import Testing

/// Erasure (GDPR art. 17) on every store: the same rows go — codings over the erased passages
/// (orphaned ones by their quote), every coding and memo of the removed documents, those
/// documents with their words, the participant with their consents, their devices with every
/// reading and rollup — and nothing else.
@Suite struct ErasureContractTests {
    let kept = "Vi träffas på fredag.\n\nR01: Jag är rädd om natten.\n\nR02: Hon ringer ofta."
    let own = "Mitt eget samtal om kaffeburken."

    private func seed(_ store: any FieldworkStore) async throws {
        let consent = Consent(id: "k1", date: "2025-03-01", scopes: [.interview, .telemetry], withdrawn: nil,
                              telemetryDevices: ["r01-plug"], administrations: [], retainUntil: nil)
        try await store.replaceParticipants([
            Participant(id: "R01", role: .resident, consents: [consent]),
            Participant(id: "R02", role: .relative),
        ], file: SourceFileState(path: "corpus/participants.yaml", contentHash: "p", parserVersion: 1))
        _ = try await store.applyDocuments([
            Fixtures.change("n1", text: kept, hash: "a", participants: ["R01", "R02"]),
            Fixtures.change("n2", text: own, hash: "b", participants: ["R01"]),
        ])
        try await store.insertCoding(Fixtures.coding("c-keep", in: kept, span: try Fixtures.span(of: "träffas", in: kept)))
        try await store.insertCoding(Fixtures.coding("c-gone", in: kept, span: try Fixtures.span(of: "rädd om", in: kept)))
        try await store.insertCoding(Fixtures.coding("c-late", in: kept, span: try Fixtures.span(of: "ringer ofta", in: kept)))
        // Orphaned codings, placed elsewhere: one quoting the erased passage, one not.
        let elsewhere = TextQuoteAnchor(span: try Fixtures.span(of: "fredag", in: kept), in: ScalarText(kept))
        var orphan = Fixtures.coding("c-orphan", in: kept, span: 0..<2)
        orphan.anchor = TextQuoteAnchor(quote: "Jag är rädd", prefix: "", suffix: "", start: elsewhere.start, end: elsewhere.end)
        orphan.status = .orphaned
        try await store.insertCoding(orphan)
        orphan.id = "c-orphan-other"
        orphan.anchor.quote = "något annat"
        try await store.insertCoding(orphan)
        try await store.insertCoding(Fixtures.coding("c-own", in: own, span: 0..<4, document: "n2"))
        try await store.insertCoding(Fixtures.coding("c-own-removed", in: own, span: 5..<9, document: "n2", coder: "Bo"))
        try await store.removeCoding(id: "c-own-removed", by: "Bo", expectedVersion: nil)
        let now = Coding.timestamp()
        try await store.insertMemo(Memo(id: "m-own", target: .document, targetID: "n2", author: "Anna", text: "om kaffet", createdAt: now))
        try await store.insertMemo(Memo(id: "m-kept", target: .document, targetID: "n1", author: "Anna", text: "fredag", createdAt: now))
        try await store.noteLedgerWritten(try await store.ledgerRecords(ids: ["c-keep", "c-gone", "c-own", "m-own", "m-kept"]))
        try await TelemetryContractTests.load(store, TelemetryContractTests.sample)
    }

    private func plan(_ store: any FieldworkStore) async throws -> StoreErasure {
        let passage = try Fixtures.span(of: "R01: Jag är rädd om natten.", in: kept)
        return StoreErasure(participantID: "R01", passages: ["n1": [passage]], documentIDs: ["n2"])
    }

    @Test(arguments: StoreKind.available) func anErasureRemovesTheParticipantsRowsAndNothingElse(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            try await seed(store)
            let doorReadings = try await store.telemetryReadings(device: "r02-door", metrics: nil, from: nil, to: nil)
            let doorDays = try await store.telemetryDays(devices: ["r02-door"])
            let deleted = try await store.erase(try await plan(store))
            #expect(Set(deleted.codings.map(\.id)) == ["c-gone", "c-orphan", "c-own", "c-own-removed"])
            #expect(deleted.codings.count == 4)
            #expect(deleted.codings.first { $0.id == "c-own-removed" }
                == .init(id: "c-own-removed", documentID: "n2", codeID: "need", coder: "Bo"))
            #expect(deleted.memoIDs == ["m-own"])
            #expect(deleted.devices == ["r01-plug"])

            let reopened = try await subject.reopen()
            #expect(Set(try await reopened.codings(CodingFilter()).map(\.id)) == ["c-keep", "c-late", "c-orphan-other"])
            #expect(try await reopened.document(id: "n2") == nil)
            #expect(try await reopened.segments(documentID: "n2").isEmpty)
            #expect(try await reopened.search(SearchQuery("kaffeburken")).isEmpty)
            #expect(try await reopened.sourceFiles()["corpus/n2.md"] == nil)
            #expect(try await reopened.document(id: "n1") != nil)
            #expect(try await reopened.participants().map(\.id) == ["R02"])
            #expect(try await reopened.memos(target: nil, targetID: nil).map(\.id) == ["m-kept"])
            for id in ["c-gone", "c-own", "c-own-removed", "m-own"] { #expect(try await reopened.ledgerRecord(id: id) == nil) }
            #expect(Set(try await reopened.ledgerVersions().keys) == ["c-keep", "m-kept"])
            #expect(try await reopened.telemetryDevices().map(\.name) == ["r02-door"])
            #expect(try await reopened.telemetryReadingCount() == doorReadings.count)
            #expect(try await reopened.telemetryReadings(device: "r02-door", metrics: nil, from: nil, to: nil) == doorReadings)
            #expect(try await reopened.telemetryDays(devices: nil) == doorDays)
            // Compacting keeps what is left.
            try await reopened.compact()
            #expect(Set(try await reopened.codings(CodingFilter()).map(\.id)) == ["c-keep", "c-late", "c-orphan-other"])
            #expect(try await reopened.telemetryReadingCount() == doorReadings.count)
        }
    }

    /// After the passage is cut out of the text, a neighbouring coding's context is cut again
    /// from the new text: it keeps none of the removed words.
    @Test(arguments: StoreKind.available) func codingContextIsCutAgainFromTheNewText(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            try await seed(store)
            _ = try await store.erase(try await plan(store))
            let redacted = "Vi träffas på fredag.\n\n[borttaget]\n\nR02: Hon ringer ofta."
            _ = try await store.applyDocuments([Fixtures.change("n1", text: redacted, hash: "c", participants: ["R02"])])
            // Placed in the new text, but with the context they had: what the refresh is for.
            for (id, quote) in [("c-keep", "träffas"), ("c-late", "ringer ofta")] {
                var coding = try #require(try await store.coding(id: id))
                let span = try Fixtures.span(of: quote, in: redacted)
                coding.anchor = TextQuoteAnchor(quote: quote, prefix: coding.anchor.prefix, suffix: coding.anchor.suffix,
                                                start: span.lowerBound, end: span.upperBound)
                coding.status = .anchored
                coding.version += 1
                try await store.updateCoding(coding)
            }
            try await store.refreshCodingContext(documentIDs: ["n1"])
            let late = try #require(try await store.coding(id: "c-late"))
            let span = try Fixtures.span(of: "ringer ofta", in: redacted)
            #expect(late.anchor == TextQuoteAnchor(span: span, in: ScalarText(redacted)))
            #expect(!late.anchor.prefix.contains("natten"))
            let first = try #require(try await store.coding(id: "c-keep"))
            #expect(first.anchor == TextQuoteAnchor(span: try Fixtures.span(of: "träffas", in: redacted), in: ScalarText(redacted)))
            // Orphaned codings keep their own quote and context.
            #expect(try await store.coding(id: "c-orphan-other")?.anchor.quote == "något annat")
        }
    }
}
