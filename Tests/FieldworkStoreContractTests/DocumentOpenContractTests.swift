import FieldworkCore
import Foundation
import Testing

/// `documentOpen` and `participants(ids:)` behave the same on every store (see `StoreKind`).
@Suite struct DocumentOpenContractTests {
    @Test(arguments: StoreKind.available) func anOpenReadsItsPartsInOneReadAndTheTextOnlyWhenItChanged(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let text = "Första stycket 👩‍👩‍👧 om natten.\n\nAndra stycket (R01)."
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a", participants: ["R01"])])
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need)]), files: [])
            let coding = Fixtures.coding("c1", in: text, span: try Fixtures.span(of: "om natten", in: text))
            try await store.insertCoding(coding)
            var consent = Consent(id: "k1", date: "2025-03-01", scopes: [.interview], withdrawn: nil)
            consent.notice = ConsentNotice(version: "2", language: "sv")
            let people = [Participant(id: "R01", role: .resident, consents: [consent]), Participant(id: "R02", role: .relative),
                          Participant(id: "R03", role: .relative)]
            try await store.replaceParticipants(people, file: SourceFileState(path: "corpus/participants.yaml", contentHash: "p", parserVersion: 1))
            // Memos on this document (in order), on another document and on a code: the open reads the first two.
            let memos = [Memo(id: "m-1", target: .document, targetID: "n1", author: "Anna", text: "Första", createdAt: Date(timeIntervalSince1970: 1_740_823_200)),
                         Memo(id: "m-2", target: .document, targetID: "n1", author: "Bo", text: "Andra", createdAt: Date(timeIntervalSince1970: 1_740_909_600)),
                         Memo(id: "m-3", target: .document, targetID: "n2", author: "Anna", text: "Annan", createdAt: Date(timeIntervalSince1970: 1_740_826_800)),
                         Memo(id: "m-4", target: .code, targetID: "need", author: "Anna", text: "Kod", createdAt: Date(timeIntervalSince1970: 1_740_830_400))]
            for memo in memos.reversed() { try await store.insertMemo(memo) }

            // The first open: text, segments, codings, codebook, and only the participants asked for.
            let first = try #require(try await store.documentOpen(
                DocumentOpenRequest(documentID: "n1", codings: true, participantIDs: ["R03", "R01", "X9"])))
            #expect(first.stamp.revision == 1 && !first.stamp.ingestedAt.isEmpty)
            #expect(first.content?.document == (try await store.document(id: "n1")))
            #expect(first.content?.segments == (try await store.segments(documentID: "n1")))
            let annotations = try #require(first.annotations)
            #expect(annotations.revision == first.annotationRevision && first.annotationRevision > 0)
            #expect(annotations.codings == (try await store.codings(CodingFilter(documentID: "n1"))) && annotations.codings.map(\.id) == ["c1"])
            #expect(first.codebook == (try await store.codebook()))
            #expect(annotations.memos == (try await store.memos(target: .document, targetID: "n1")) && annotations.memos.map(\.id) == ["m-1", "m-2"])
            #expect(first.participants == [people[0], people[2]])

            // The stamp held is current: no text, the rest as before; the API's open reads no codings.
            let again = try #require(try await store.documentOpen(
                DocumentOpenRequest(documentID: "n1", held: first.stamp, codings: false, participantIDs: [])))
            #expect(again.stamp == first.stamp && again.content == nil && again.annotations == nil && again.codebook == nil)
            #expect(again.participants == [])

            // The register held is current: not read again; any change to an entry or its consents raises the revision.
            let sameRegister = try #require(try await store.documentOpen(DocumentOpenRequest(
                documentID: "n1", held: first.stamp, codings: false, participantIDs: ["R01"], heldRegister: first.registerRevision)))
            #expect(sameRegister.registerRevision == first.registerRevision && sameRegister.participants == nil)
            var withdrawn = people
            withdrawn[0].consents[0].withdrawn = "2025-06-01"
            try await store.replaceParticipants(withdrawn, file: SourceFileState(path: "corpus/participants.yaml", contentHash: "q", parserVersion: 1))
            let newRegister = try #require(try await store.documentOpen(DocumentOpenRequest(
                documentID: "n1", held: first.stamp, codings: false, participantIDs: ["R01"], heldRegister: first.registerRevision)))
            #expect(newRegister.registerRevision != first.registerRevision && newRegister.participants == [withdrawn[0]])

            // The codebook held is current: not read again; any change to the codes raises the revision.
            let sameBook = try #require(try await store.documentOpen(DocumentOpenRequest(
                documentID: "n1", held: first.stamp, codings: true, participantIDs: [], heldCodebook: first.codebookRevision)))
            #expect(sameBook.codebook == nil && sameBook.codebookRevision == first.codebookRevision && sameBook.annotations == annotations)
            let renamed = Codebook(codes: [Code(id: "need", name: "Behov", kind: .need)])
            _ = try await store.replaceCodebook(renamed, files: [])
            let newBook = try #require(try await store.documentOpen(DocumentOpenRequest(
                documentID: "n1", held: first.stamp, codings: true, participantIDs: [], heldCodebook: first.codebookRevision)))
            #expect(newBook.codebookRevision != first.codebookRevision && newBook.codebook?.codes.map(\.name) == ["Behov"])

            // A new revision: the held stamp is outdated, so the new text comes with it.
            _ = try await store.applyDocuments([Fixtures.change("n1", text: "Ny text.", hash: "b", participants: ["R01"])])
            let changed = try #require(try await store.documentOpen(
                DocumentOpenRequest(documentID: "n1", held: first.stamp, codings: true, participantIDs: ["R01"])))
            #expect(changed.stamp != first.stamp && changed.stamp.revision == 2)
            #expect(changed.content?.document.plainText == "Ny text.")
            #expect(try await store.documentOpen(DocumentOpenRequest(documentID: "nope", codings: true, participantIDs: [])) == nil)

            #expect(try await store.participants(ids: ["R02", "R01", "nobody"]) == [withdrawn[0], withdrawn[1]])
            #expect(try await store.participants(ids: []).isEmpty)
        }
    }

    /// The annotation revision is raised by every change to the document's codings and memos,
    /// by whatever path, and by nothing else: an open holding the current one reads neither.
    @Test(arguments: StoreKind.available) func theAnnotationsAreReadAgainExactlyWhenTheyChanged(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let text = "Första stycket om natten.\n\nAndra stycket om dagen."
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a"), Fixtures.change("n2", text: text, hash: "b")])
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need),
                                                                 Code(id: "barrier", name: "Barrier", kind: .barrier)]), files: [])
            func open(holding revision: Int?) async throws -> DocumentOpenRead {
                try #require(try await store.documentOpen(DocumentOpenRequest(documentID: "n1", codings: true, participantIDs: [],
                                                                               heldAnnotations: revision)))
            }
            var held = try await open(holding: nil)
            #expect(held.annotations == DocumentAnnotations(revision: held.annotationRevision, codings: [], memos: []))
            /// Applies `change`, then checks that it raised the revision and that the open brings what the store now holds.
            func expectRaised(by change: () async throws -> Void, _ comment: Comment) async throws {
                try await change()
                let next = try await open(holding: held.annotationRevision)
                #expect(next.annotationRevision > held.annotationRevision, comment)
                #expect(next.annotations?.codings == (try await store.codings(CodingFilter(documentID: "n1"))), comment)
                #expect(next.annotations?.memos == (try await store.memos(target: .document, targetID: "n1")), comment)
                held = next
            }
            let coding = Fixtures.coding("c1", in: text, span: try Fixtures.span(of: "om natten", in: text))
            try await expectRaised(by: { try await store.insertCoding(coding) }, "a coding added")
            var recoded = try #require(held.annotations?.codings.first)
            recoded.codeID = "barrier"
            recoded.version += 1  // an update names the version it makes
            try await expectRaised(by: { try await store.updateCoding(recoded) }, "a coding recoded")
            try await expectRaised(by: { try await store.removeCoding(id: "c1", by: "Anna", expectedVersion: nil) }, "a coding removed")
            var memo = Memo(id: "m-1", target: .document, targetID: "n1", author: "Anna", text: "Första", createdAt: Date(timeIntervalSince1970: 1_740_823_200))
            try await expectRaised(by: { try await store.insertMemo(memo) }, "a memo added")
            memo.text = "Ändrad"
            memo.version += 1
            try await expectRaised(by: { try await store.updateMemo(memo) }, "a memo changed")
            try await expectRaised(by: { try await store.removeMemo(id: "m-1", by: "Anna", expectedVersion: nil) }, "a memo removed")

            // Changes elsewhere (another document, a code's memo) leave it alone: nothing is read.
            try await store.insertCoding(Fixtures.coding("c2", in: text, span: try Fixtures.span(of: "om dagen", in: text), document: "n2"))
            try await store.insertMemo(Memo(id: "m-2", target: .document, targetID: "n2", author: "Bo", text: "Annan", createdAt: Date()))
            try await store.insertMemo(Memo(id: "m-3", target: .code, targetID: "n1", author: "Bo", text: "Kod", createdAt: Date()))
            let same = try await open(holding: held.annotationRevision)
            #expect(same.annotationRevision == held.annotationRevision && same.annotations == nil)
        }
    }

    /// A store may answer an open from what its last read found while nothing changed (SQLite
    /// does, watching `PRAGMA data_version`): a change by this store or by another process on the
    /// same database is seen by the next open, however often the same revisions were asked for.
    @Test(arguments: StoreKind.available) func repeatedOpensSeeEveryChangeWhoeverMadeIt(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            let text = "Första stycket om natten.\n\nAndra stycket om dagen."
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a", participants: ["R01"])])
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need)]), files: [])
            var held = try #require(try await store.documentOpen(DocumentOpenRequest(documentID: "n1", codings: true, participantIDs: ["R01"])))
            func reopen() async throws -> DocumentOpenRead {
                try #require(try await store.documentOpen(DocumentOpenRequest(
                    documentID: "n1", held: held.stamp, codings: true, participantIDs: ["R01"], heldCodebook: held.codebookRevision,
                    heldAnnotations: held.annotationRevision, heldRegister: held.registerRevision)))
            }
            /// Opens twice holding what the last open found (nothing new), changes, then opens again.
            func expectSeen(_ change: () async throws -> Void, _ comment: Comment, _ check: (DocumentOpenRead) -> Bool) async throws {
                for _ in 0..<2 {
                    let same = try await reopen()
                    #expect(same.content == nil && same.annotations == nil && same.codebook == nil && same.participants == nil, comment)
                    #expect(same.stamp == held.stamp && same.annotationRevision == held.annotationRevision, comment)
                }
                try await change()
                let next = try await reopen()
                #expect(check(next), comment)
                held = DocumentOpenRead(stamp: next.stamp, content: nil, codebook: nil, codebookRevision: next.codebookRevision,
                                        annotationRevision: next.annotationRevision, annotations: nil,
                                        registerRevision: next.registerRevision, participants: nil)
            }
            let other = try await subject.reopen()
            try await expectSeen({ try await store.insertCoding(Fixtures.coding("c1", in: text, span: try Fixtures.span(of: "om natten", in: text))) },
                                 "a coding by this store") { $0.annotations?.codings.map(\.id) == ["c1"] }
            try await expectSeen({ try await other.insertMemo(Memo(id: "m-1", target: .document, targetID: "n1", author: "Bo", text: "Se här",
                                                                   createdAt: Date(timeIntervalSince1970: 1_740_823_200))) },
                                 "a memo by another process") { $0.annotations?.memos.map(\.id) == ["m-1"] }
            try await expectSeen({ _ = try await other.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Behov", kind: .need)]), files: []) },
                                 "the codebook, by another process") { $0.codebook?.codes.map(\.name) == ["Behov"] }
            try await expectSeen({ try await other.replaceParticipants([Participant(id: "R01", role: .resident)],
                                                                       file: SourceFileState(path: "corpus/participants.yaml", contentHash: "p", parserVersion: 1)) },
                                 "the register, by another process") { $0.participants == [Participant(id: "R01", role: .resident)] }
            try await expectSeen({ _ = try await other.applyDocuments([Fixtures.change("n1", text: "Ny text.", hash: "b", participants: ["R01"])]) },
                                 "a new revision, by another process") { $0.content?.document.plainText == "Ny text." }
        }
    }
}
