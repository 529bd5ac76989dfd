import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/documents/{id}/changes`: the stamp the document page polls for live refresh stays
/// the same while nothing changes and moves with every change another coder makes.
@Suite struct DocumentChangesAPITests {
    @Test func stampMovesWithEveryCodingAndMemoChangeAndOnlyThen() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func changes(_ id: String = "int-001") async throws -> [String: Any] {
                try await client.execute(uri: "/api/documents/\(id)/changes", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    return try #require(jsonObject(response.body))
                }
            }
            let first = try await changes()
            #expect(first["document"] as? String == "int-001")
            #expect(first["codings"] as? Int == 0)
            #expect((first["stamp"] as? String)?.count == 16)
            #expect(try await changes()["stamp"] as? String == first["stamp"] as? String)

            var seen: Set<String> = [first["stamp"] as! String]
            func expectNew(_ what: String) async throws {
                let stamp = try #require(try await changes()["stamp"] as? String)
                #expect(!seen.contains(stamp), "\(what) did not move the stamp")
                seen.insert(stamp)
            }
            let coding = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety.night", coder: "Anna")
            #expect(try await changes()["codings"] as? Int == 1)
            try await expectNew("a new coding")
            let changed = try await fixture.context.codings.update(id: coding.id, memo: "natten", expectedVersion: coding.version, by: "Bo")
            try await expectNew("a coding's memo")
            _ = try await fixture.context.codings.update(id: coding.id, code: "need.safety", expectedVersion: changed.version, by: "Bo")
            try await expectNew("a change of code")
            let memo = try await fixture.context.memos.add(target: .document, targetID: "int-001", author: "Anna", text: "En anteckning")
            try await expectNew("a memo on the document")
            _ = try await fixture.context.memos.update(id: memo.id, text: "Ändrad", expectedVersion: memo.version)
            try await expectNew("an edited memo")
            try await fixture.context.codings.remove(id: coding.id, by: "Bo")
            try await expectNew("a deleted coding")
            // Another document's coding leaves this stamp alone.
            let before = try await changes()["stamp"] as? String
            _ = try await fixture.context.codings.add(document: "int-002", span: 20..<40, code: "need.safety", coder: "Anna")
            #expect(try await changes()["stamp"] as? String == before)

            try await client.execute(uri: "/api/documents/no-such/changes", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/documents/int-001/changes", method: .get, headers: fixture.host) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
