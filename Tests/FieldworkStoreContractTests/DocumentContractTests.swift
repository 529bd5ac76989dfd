import FieldworkCore
import Foundation
import Testing

/// Documents, segments and counts behave the same on every store (see `StoreKind`).
@Suite struct DocumentContractTests {
    @Test(arguments: StoreKind.available) func documentsSurviveReopeningWithSegmentsAndParticipants(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let text = "Första stycket 👩‍👩‍👧.\n\nAndra, e\u{301}n gång."
            var recorded = Fixtures.change("n1", text: text, hash: "a", participants: ["R02", "R01", "R02"])
            recorded.metadata.media = "recordings/n1.m4a"
            let results = try await store.applyDocuments([
                recorded,
                Fixtures.change("n0", text: "Ensam.", hash: "b", language: nil),
            ])
            #expect(results.map(\.outcome) == [.added, .added])
            let reopened = try await subject.reopen()
            let counts = try await reopened.counts()
            #expect(counts.documents == 2 && counts.segments == 3 && counts.codings == 0 && counts.codes == 0)
            let stored = try #require(try await reopened.document(id: "n1"))
            #expect(stored.plainText == text && stored.revision == 1 && stored.path == "corpus/n1.md")
            #expect(stored.metadata.participants == ["R02", "R01"])
            #expect(try await reopened.documents().map(\.metadata.id) == ["n0", "n1"])
            // Only those naming a recording, as `documents()` lists them (ingest checks these).
            let recordings = try await reopened.documentsWithRecordings()
            #expect(recordings.map(\.metadata.id) == ["n1"] && recordings.first?.metadata.media == "recordings/n1.m4a")
            #expect(recordings.first?.segments == 2 && recordings.first?.path == "corpus/n1.md")
            let segments = try await reopened.segments(documentID: "n1")
            #expect(segments.map(\.start) == [0, ScalarText("Första stycket 👩‍👩‍👧.").count + 2])
            #expect(try await reopened.sourceFiles()["corpus/n1.md"]?.contentHash == "a")
            #expect(try await reopened.document(id: "nope") == nil)
        }
    }

    /// The size and modification time re-ingest's quick check compares (`FileStamp`).
    @Test(arguments: StoreKind.available) func fileStampsAreRecordedRefreshedAndCleared(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let stamp = FileStamp(size: 5_000_000_000, modifiedNanoseconds: 1_764_000_000_123_456_789)
            var stamped = Fixtures.change("n1", text: "Ett.", hash: "a")
            stamped.file.stamp = stamp
            _ = try await store.applyDocuments([stamped, Fixtures.change("n2", text: "Två.", hash: "b")])
            var files = try await subject.reopen().sourceFiles()
            #expect(files["corpus/n1.md"]?.stamp == stamp && files["corpus/n2.md"]?.stamp == nil)

            let touched = FileStamp(size: 4, modifiedNanoseconds: 1_764_000_001_000_000_001)
            try await store.recordFileStamps(["corpus/n2.md": touched, "corpus/gone.md": touched])
            files = try await store.sourceFiles()
            #expect(files["corpus/n2.md"]?.stamp == touched && files["corpus/n2.md"]?.contentHash == "b")
            #expect(files["corpus/n1.md"]?.stamp == stamp && files["corpus/gone.md"] == nil)

            // A change ingested without a stamp (one not to be trusted) forgets the old one.
            _ = try await store.applyDocuments([Fixtures.change("n1", text: "Ett igen.", hash: "c")])
            #expect(try await store.sourceFiles()["corpus/n1.md"]?.stamp == nil)
        }
    }

    @Test(arguments: StoreKind.available) func anUpdatedDocumentReplacesItsSegmentsAndSearchWords(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: "Dörrsensor 👩‍👩‍👧 på natten.\n\nKaffe e\u{301}.", hash: "a")])
            let results = try await store.applyDocuments([Fixtures.change("n1", text: "Kaffe 👍🏽 med grannen.\n\nInget mer.", hash: "b")])
            #expect(results.map(\.outcome) == [.updated])
            #expect(try await store.search(SearchQuery("dörrsensor")).isEmpty)
            #expect(try await store.search(SearchQuery("grannen")).count == 1)
            #expect(try await store.document(id: "n1")?.revision == 2)
            #expect(try await store.counts().segments == 2)
        }
    }

    /// Offsets are Unicode scalars on every store: emoji, ZWJ sequences, skin tones and
    /// decomposed (NFD) letters each count as the scalars they are.
    @Test(arguments: StoreKind.available) func textWindowsAreCutInUnicodeScalars(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let text = "Å 👩‍👩‍👧 och e\u{301} — " + String(repeating: "ö", count: 60) + " 👍🏽 slut"
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            let stored = ScalarText(try #require(try await store.document(id: "n1")).plainText)
            for start in stride(from: 0, to: stored.count - 1, by: 5) {
                let span = start..<min(stored.count, start + 4)
                let window = try #require(try await store.textWindow(documentID: "n1", around: span))
                let bounds = TextWindow.bounds(around: span).clamped(to: 0..<stored.count)
                #expect(window.offset == bounds.lowerBound)
                #expect(window.text == stored[bounds])
                // Exact where the document ends inside the window; else the window's end, a lower bound.
                let requested = TextWindow.bounds(around: span)
                #expect(window.documentLength == min(requested.upperBound, stored.count))
            }
            let beyond = try #require(try await store.textWindow(documentID: "n1", around: 500..<510))
            #expect(beyond.text.isEmpty && beyond.documentLength == stored.count)
            #expect(try await store.textWindow(documentID: "nope", around: 0..<1) == nil)
        }
    }

    /// A store may keep a document's text to cut windows from (SQLite does, per stamp): a text
    /// changed since, by this store or by another process on the same database, is never cut
    /// from the old copy, and a coding write anchors in the new text.
    @Test(arguments: StoreKind.available) func textWindowsFollowEveryChangeOfTheText(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: "Första versionen av texten, med å och 👍🏽.", hash: "a")])
            #expect(try #require(try await store.textWindow(documentID: "n1", around: 0..<6)).text.hasPrefix("Första"))
            _ = try await store.applyDocuments([Fixtures.change("n1", text: "Andra versionen av texten.", hash: "b")])
            #expect(try #require(try await store.textWindow(documentID: "n1", around: 0..<5)).text.hasPrefix("Andra"))
            // Another process (a CLI ingest beside the server) changes it again.
            let other = try await subject.reopen()
            _ = try await other.applyDocuments([Fixtures.change("n1", text: "Tredje versionen, längre än de andra två.", hash: "c")])
            let window = try #require(try await store.textWindow(documentID: "n1", around: 0..<6))
            #expect(window.text.hasPrefix("Tredje"))
            #expect(window.revision == 3)
            let written = try await store.writeCodings([.insert(documentID: "n1", span: 0..<6, codeID: "none") { context in
                #expect(context.window.text.hasPrefix("Tredje"))
                throw StoreError.notFound("code none")
            }])
            // The builder ran (its refusal came back), so the window above was the one it saw.
            guard case .failure(StoreError.notFound(let what)) = try #require(written.first) else {
                Issue.record("the write did not reach its builder: \(written)")
                return
            }
            #expect(what == "code none")
        }
    }

    @Test(arguments: StoreKind.available) func participantsKeepTheirConsentReceipts(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            var consent = Consent(id: "k1", date: "2025-03-01", scopes: [.interview, .quote], withdrawn: nil,
                                  telemetryDevices: ["door-1"], administrations: [], retainUntil: "2030-01-01")
            consent.notice = ConsentNotice(version: "2", language: "sv")
            let people = [
                Participant(id: "R02", role: .relative, attributes: ["age_band": "75–79"]),
                Participant(id: "R01", role: .resident, attributes: ["living_situation": "alone"], consents: [consent]),
            ]
            try await store.replaceParticipants(people, file: SourceFileState(path: "corpus/participants.yaml",
                                                                               contentHash: "p", parserVersion: 1))
            let stored = try await subject.reopen().participants()
            #expect(stored == people.sorted { $0.id < $1.id })
            // A few by id, with their consents; ids the register lacks are left out.
            #expect(try await store.participants(ids: ["R01", "I01"]) == [people[1]])
            #expect(try await store.participants(ids: []).isEmpty)
            #expect(try await store.counts().participants == 2)
            #expect(try await store.sourceFiles()["corpus/participants.yaml"]?.contentHash == "p")
            // The attribute picker's values, read by the store: each distinct value once, with all
            // its holders by id, so the choices equal those worked out from the whole register.
            let more = people + [Participant(id: "R00", role: .resident, attributes: ["age_band": "75–79", "living_situation": "Alone"]),
                                 Participant(id: "R03", role: .resident, attributes: ["living_situation": "alone"])]
            try await store.replaceParticipants(more, file: SourceFileState(path: "corpus/participants.yaml",
                                                                            contentHash: "p2", parserVersion: 1))
            let values = try await store.participantAttributeValues()
            #expect(Set(values) == [AttributeOccurrence(key: "age_band", value: "75–79", holders: ["R00", "R02"]),
                                    AttributeOccurrence(key: "living_situation", value: "Alone", holders: ["R00"]),
                                    AttributeOccurrence(key: "living_situation", value: "alone", holders: ["R01", "R03"])])
            #expect(values.count == 3)
            #expect(AttributeValue.choices(of: values) == AttributeValue.choices(of: more))
            try await store.replaceParticipants([], file: SourceFileState(path: "corpus/participants.yaml",
                                                                          contentHash: "q", parserVersion: 1))
            #expect(try await store.participants().isEmpty)
        }
    }
}
