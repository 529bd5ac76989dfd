import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/codings {"coder": "Consensus", …}` was stored and then counted as the team's
/// adjudication; "ingest" was accepted too, and an account could be named either (found by a new
/// user). A person's coding write under either name is 422 and stores nothing; a decision taken
/// into the consensus (the adjudication route) still writes as the consensus coder.
@Suite struct ReservedCoderAPITests {
    @Test func aCodingUnderAReservedNameIsRefusedAndAdjudicationStillWrites() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for coder in ["Consensus", "ingest", "consensus"] {
                try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                         body: try body(["document": "int-001", "start": 20, "end": 40, "code": "need", "coder": coder])) { response in
                    #expect(response.status == .unprocessableContent, "\(coder)")
                    let detail = jsonObject(response.body)?["detail"] as? String ?? ""
                    #expect(detail.hasSuffix("a coding cannot be written as \(coder): code under your own name"), "\(detail)")
                }
            }
            #expect(try await fixture.context.store.counts().codings == 0)
            // Nor as the one who changes a coding.
            let turn = try #require(try await fixture.context.store.segments(documentID: "int-001").last)
            let coding = try await fixture.context.codings.add(document: "int-001", span: turn.start..<turn.end, code: "need", coder: "Anna")
            try await client.execute(uri: "/api/codings/\(coding.id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "beslut", "coder": "Consensus"])) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/disagreements/accept", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-001", "start": turn.start, "end": turn.end, "code": "need", "by": "Bo"])) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                #expect(jsonObject(response.body)?["coder"] as? String == Consensus.coder)
            }
        }
    }

    /// An account named "Consensus" (made before such names were refused) logs in, but its coding
    /// writes are refused like anyone's; a name typed decomposed (NFD) logs in.
    @Test func inTeamModeTheReservedAccountCannotCodeAndNFDLogsIn() async throws {
        let fixture = try await TeamFixture()
        let researcher = try #require(try await fixture.context.store.account(named: "researcher"))
        try await fixture.context.store.insertAccount(Account(name: "Consensus", role: .researcher,
                                                              passwordHash: researcher.passwordHash, createdAt: Date()))
        try await fixture.accounts.create(name: "Åsa Öberg", role: .analyst, password: TeamFixture.password)
        try await fixture.app().test(.router) { client in
            let consensus = try await TeamFixture.login(client, "Consensus")
            try await client.execute(uri: "/api/codings", method: .post, headers: consensus.writeHeaders,
                                     body: try body(["document": "int-001", "start": 20, "end": 40, "code": "need", "coder": "Consensus"])) { response in
                #expect(response.status == .unprocessableContent)
            }
            #expect(try await fixture.context.store.counts().codings == 0)
            _ = try await TeamFixture.login(client, "A\u{30A}sa O\u{308}berg")
        }
    }

    /// A memo could still be signed "Consensus" or "ingest" (found by a new user): it would read
    /// as the team's decision or as no one's. 422 and nothing stored, as for codings.
    @Test func aMemoUnderAReservedNameIsRefused() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for author in ["Consensus", "ingest", "CONSENSUS"] {
                try await client.execute(uri: "/api/memos", method: .post, headers: browser.writeHeaders,
                                         body: try body(["target": "project", "author": author, "text": "Beslut."])) { response in
                    #expect(response.status == .unprocessableContent, "\(author)")
                    let detail = jsonObject(response.body)?["detail"] as? String ?? ""
                    #expect(detail.hasSuffix("a memo cannot be written as \(author): write it under your own name"), "\(detail)")
                }
            }
            #expect(try await fixture.context.store.memos(target: nil, targetID: nil).isEmpty)
            try await client.execute(uri: "/api/memos", method: .post, headers: browser.writeHeaders,
                                     body: try body(["target": "project", "author": "Anna", "text": "Beslut."])) { response in
                #expect(response.status == .created)
            }
        }
    }
}
