import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// `/api/disagreements` over a real socket: accept into the consensus, dismiss, discuss.
@Suite struct AdjudicationAPITests {
    /// Anna and Bo disagree on the second R01 turn of int-001: Bo applied `barrier`, Anna
    /// `need.safety.night`.
    static func code(_ fixture: WebFixture) async throws -> Segment {
        let turns = try await AgreementAPITests.code(fixture)
        _ = try await fixture.context.codings.add(document: "int-001", span: turns[1].start..<(turns[1].start + 8),
                                                  code: "need.safety.night", coder: "Anna")
        return turns[1]
    }

    static func passages(_ client: some TestClientProtocol, _ browser: Browser, query: String = "") async throws -> [[String: Any]] {
        try await client.execute(uri: "/api/disagreements\(query)", method: .get, headers: browser.headers) { response in
            #expect(response.status == .ok)
            return try #require(jsonObject(response.body)?["passages"] as? [[String: Any]])
        }
    }

    static func decision(_ passage: [String: Any], _ code: String) -> [String: Any]? {
        (passage["decisions"] as? [[String: Any]])?.first { $0["code"] as? String == code }
    }

    @Test func acceptDismissAndDiscussADisputedPassage() async throws {
        let fixture = try await WebFixture()
        let turn = try await Self.code(fixture)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            let before = try await Self.passages(client, browser)
            #expect(before.count == 1)
            let passage = try #require(before.first)
            #expect(passage["start"] as? Int == turn.start && passage["end"] as? Int == turn.end)
            #expect((passage["codes"] as? [[String: Any]])?.map { $0["coder"] as? String } == ["Anna", "Bo"])
            #expect(Self.decision(passage, "barrier")?["applied_by"] as? [String] == ["Bo"])
            #expect(Self.decision(passage, "barrier")?["state"] as? String == "open")

            let where_: [String: Any] = ["document": "int-001", "start": turn.start, "end": turn.end]
            // Without the CSRF token nothing is decided.
            try await client.execute(uri: "/api/disagreements/accept", method: .post, headers: browser.headers,
                                     body: try body(where_.merging(["code": "barrier", "by": "Maja Lind"]) { $1 })) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/disagreements/accept", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["code": "barrier", "by": "Maja Lind"]) { $1 })) { response in
                #expect(response.status == .created)
                let coding = try #require(jsonObject(response.body))
                #expect(coding["coder"] as? String == Consensus.coder)
                #expect(coding["memo"] as? String == "accepted by Maja Lind")
                #expect(coding["updated_by"] as? String == "Maja Lind")
                #expect(coding["start"] as? Int == turn.start && coding["end"] as? Int == turn.end)
            }
            // Accepting twice would count the code twice.
            try await client.execute(uri: "/api/disagreements/accept", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["code": "barrier", "by": "Bo"]) { $1 })) { response in
                #expect(response.status == .conflict)
                #expect(errorCode(response.body) == "duplicate_coding")
            }
            try await client.execute(uri: "/api/disagreements/dismiss", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["code": "need.safety.night", "by": "Bo"]) { $1 })) { response in
                #expect(response.status == .created)
                #expect(jsonObject(response.body)?["author"] as? String == "Bo")
            }
            try await client.execute(uri: "/api/disagreements/dismiss", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["code": "need.safety.night", "by": "Bo"]) { $1 })) { response in
                #expect(response.status == .conflict)
            }
            // A span that is not exactly a segment, or an unknown code, decides nothing.
            try await client.execute(uri: "/api/disagreements/accept", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["start": turn.start + 1, "code": "barrier", "by": "Bo"]) { $1 })) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/disagreements/dismiss", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["code": "no.such.code", "by": "Bo"]) { $1 })) { response in
                #expect(response.status == .unprocessableContent)
            }

            // The discussion memo: created, then changed only at its current version.
            let memo = try await client.execute(uri: "/api/disagreements/discussion", method: .post, headers: browser.writeHeaders,
                                                body: try body(where_.merging(["text": "Barrier, not a need.", "by": "Anna"]) { $1 })) { response in
                // Created, as accept and dismiss answer (it was 200).
                #expect(response.status == .created)
                return try #require(jsonObject(response.body))
            }
            #expect(memo["version"] as? Int == 1)
            try await client.execute(uri: "/api/disagreements/discussion", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["text": "Overwritten?", "by": "Bo"]) { $1 })) { response in
                #expect(response.status == .conflict)
                #expect(errorCode(response.body) == "stale_version")
            }
            try await client.execute(uri: "/api/disagreements/discussion", method: .post, headers: browser.writeHeaders,
                                     body: try body(where_.merging(["text": "Barrier; Bo agrees.", "by": "Bo", "version": 1]) { $1 })) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)?["version"] as? Int == 2)
            }

            let after = try #require(try await Self.passages(client, browser).first)
            #expect(Self.decision(after, "barrier")?["state"] as? String == "accepted")
            #expect(Self.decision(after, "barrier")?["decided_by"] as? String == "Maja Lind")
            #expect(Self.decision(after, "need.safety.night")?["state"] as? String == "dismissed")
            #expect(Self.decision(after, "need.safety.night")?["decided_by"] as? String == "Bo")
            // The consensus shows beside the coders but is not one of the compared coders.
            let columns = try #require(after["codes"] as? [[String: Any]])
            #expect(columns.map { $0["coder"] as? String } == ["Anna", "Bo", Consensus.coder])
            #expect(columns.last?["codes"] as? [String] == ["barrier"])
            let discussion = try #require(after["discussion"] as? [String: Any])
            #expect((discussion["text"] as? String)?.hasSuffix("\nBarrier; Bo agrees.") == true)

            // The consensus is a coder like any other: agreement and retrieval take it.
            try await client.execute(uri: "/api/agreement?coders=Bo,Consensus&document=int-001", method: .get, headers: browser.headers) { response in
                #expect(jsonObject(response.body)?["coders"] as? [String] == ["Bo", "Consensus"])
            }
            try await client.execute(uri: "/api/retrieval?code=barrier&coder=Consensus", method: .get, headers: browser.headers) { response in
                #expect(jsonArray(response.body)?.count == 1)
            }
            try await client.execute(uri: "/disagreements", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Accepted into consensus by Maja Lind."))
                #expect(html.contains("Dismissed by Bo."))
                #expect(html.contains("href=\"/documents/int-001#s\(turn.start)\""))
            }
        }
        // The decisions are in the deciders' codings files, so they travel to the team.
        let maja = try String(contentsOf: fixture.root.appending(path: "codings/maja-lind.jsonl"), encoding: .utf8)
        #expect(maja.contains("\"coder\":\"Consensus\"") && maja.contains("\"changed_by\":\"Maja Lind\""))
        let bo = try String(contentsOf: fixture.root.appending(path: "codings/bo.jsonl"), encoding: .utf8)
        #expect(bo.contains("Adjudication: dismissed code=need.safety.night"))
    }

    /// `coders=Maja+L.,Bo` is the coder "Maja L." (as a form sends it) on the agreement,
    /// disagreements and co-occurrence routes too; they read `+` as a plus and compared no one.
    @Test func coderNamesWithSpacesArriveAsFormsSendThem() async throws {
        let fixture = try await WebFixture()
        let turns = try await fixture.context.store.segments(documentID: "int-001").filter { $0.speaker == "R01" }
        for (coder, turn) in [("Maja L.", turns[0]), ("Bo", turns[0]), ("Bo", turns[1])] {
            _ = try await fixture.context.codings.add(document: "int-001", span: turn.start..<(turn.start + 8), code: "barrier", coder: coder)
        }
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            for uri in ["/api/agreement?coders=Maja+L.,Bo", "/api/disagreements?coders=Maja+L.,Bo"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    let body = try #require(jsonObject(response.body))
                    #expect(body["coders"] as? [String] == ["Maja L.", "Bo"], "\(uri)")
                }
            }
            #expect(try await Self.passages(client, browser, query: "?coders=Maja+L.,Bo").count == 1)
            try await client.execute(uri: "/api/cooccurrence?coder=Maja+L.", method: .get, headers: browser.headers) { response in
                #expect(jsonObject(response.body)?["coded_segments"] as? Int == 1)
            }
        }
    }
}
