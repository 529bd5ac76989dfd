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
            #expect(first.codings == (try await store.codings(CodingFilter(documentID: "n1"))) && first.codings.map(\.id) == ["c1"])
            #expect(first.codebook == (try await store.codebook()))
            #expect(first.memos == (try await store.memos(target: .document, targetID: "n1")) && first.memos.map(\.id) == ["m-1", "m-2"])
            #expect(first.participants == [people[0], people[2]])

            // The stamp held is current: no text, the rest as before; the API's open reads no codings.
            let again = try #require(try await store.documentOpen(
                DocumentOpenRequest(documentID: "n1", held: first.stamp, codings: false, participantIDs: [])))
            #expect(again.stamp == first.stamp && again.content == nil && again.codings.isEmpty && again.codebook == nil && again.memos.isEmpty)
            #expect(again.participants.isEmpty)

            // The codebook held is current: not read again; any change to the codes raises the revision.
            let sameBook = try #require(try await store.documentOpen(DocumentOpenRequest(
                documentID: "n1", held: first.stamp, codings: true, participantIDs: [], heldCodebook: first.codebookRevision)))
            #expect(sameBook.codebook == nil && sameBook.codebookRevision == first.codebookRevision && sameBook.codings == first.codings)
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

            #expect(try await store.participants(ids: ["R02", "R01", "nobody"]) == [people[0], people[1]])
            #expect(try await store.participants(ids: []).isEmpty)
        }
    }
}
