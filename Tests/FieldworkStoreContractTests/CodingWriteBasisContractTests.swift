import FieldworkCore
import Foundation
import Testing

/// A new coding's answer carries what its write read of the document in its own transaction
/// (`WrittenCoding.basis`): the stamp and register revision a document open would read at that
/// moment, so the answer's consent check needs no read of its own; on every store.
@Suite struct CodingWriteBasisContractTests {
    let text = "Kaffe med grannen på kvällen."

    @Test(arguments: StoreKind.available) func anInsertReadsTheStampAndRegisterRevisionAnOpenWouldRead(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a", participants: ["R01"])])
            _ = try await store.replaceCodebook(Codebook(codes: [Code(id: "need", name: "Need", kind: .need)]), files: [])
            let consenting = [Participant(id: "R01", role: .resident,
                                          consents: [Consent(id: "k1", date: "2025-03-01", scopes: [.interview], withdrawn: nil)])]
            try await store.replaceParticipants(consenting, file: SourceFileState(path: "corpus/participants.yaml", contentHash: "p", parserVersion: 1))
            func current() async throws -> ConsentBasis {
                let open = try #require(try await store.documentOpen(DocumentOpenRequest(documentID: "n1", codings: false, participantIDs: [])))
                return ConsentBasis(stamp: open.stamp, registerRevision: open.registerRevision)
            }

            let first = try await store.writeAlone(CodingBatchContractTests.insert("c-1", 0..<5))
            let before = try await current()
            #expect(first.basis == before)

            // Consent withdrawn: the register's revision moves on, and the next write reads it.
            var withdrawn = consenting
            withdrawn[0].consents[0].withdrawn = "2025-06-01"
            try await store.replaceParticipants(withdrawn, file: SourceFileState(path: "corpus/participants.yaml", contentHash: "q", parserVersion: 1))
            let second = try await store.writeAlone(CodingBatchContractTests.insert("c-2", 10..<17))
            #expect(second.basis == (try await current()))
            #expect(second.basis?.registerRevision != before.registerRevision && second.basis?.stamp == before.stamp)

            // A new revision of the text: its stamp.
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text + " Och sedan.", hash: "b", participants: ["R01"])])
            let batch = try await store.writeCodings([CodingBatchContractTests.insert("c-3", 21..<28)])
            let third = try batch[0].get()
            #expect(third.basis == (try await current()) && third.basis?.stamp.revision == 2)
        }
    }
}
