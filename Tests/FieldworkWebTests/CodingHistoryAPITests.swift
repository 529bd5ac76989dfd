import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/codings/{id}/history`: what the browser's History list shows.
@Suite struct CodingHistoryAPITests {
    @Test func historyListsChangesOfALiveAndARemovedCodingAsDocumented() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                body: try body(["document": "int-001", "start": 20, "end": 40, "code": "need", "coder": "Anna"])) { response in
                try #require(jsonObject(response.body)?["id"] as? String)
            }
            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "på kvällen", "code": "need.safety", "coder": "Bo"])) { response in
                #expect(response.status == .ok)
            }
            // A refused (stale) change leaves no trace in the history.
            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "stale", "coder": "Bo"])) { response in
                #expect(response.status == .conflict)
            }
            let live = try await client.execute(uri: "/api/codings/\(id)/history", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                return try #require(jsonArray(response.body) as? [[String: Any]])
            }
            #expect(live.map { $0["kind"] as? String } == ["created", "changed"])
            #expect(live[1]["by"] as? String == "Bo" && live[1]["old_code"] as? String == "need"
                && live[1]["code"] as? String == "need.safety" && live[1]["memo_changed"] as? Bool == true)
            #expect(live[1]["summary"] as? String == "code need → need.safety, memo changed")

            try await client.execute(uri: "/api/codings/\(id)?coder=Anna&version=2", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            let removed = try await client.execute(uri: "/api/codings/\(id)/history", method: .get, headers: browser.headers) { response in
                try #require(jsonArray(response.body) as? [[String: Any]])
            }
            #expect(removed.map { $0["kind"] as? String } == ["created", "changed", "removed"])
            #expect(removed[2]["by"] as? String == "Anna" && removed[2]["version"] as? Int == 3)

            // Undoing the removal: the same coding back, its history going on; a second time there is nothing to bring back.
            try await client.execute(uri: "/api/codings/\(id)/restore", method: .post, headers: browser.writeHeaders,
                                     body: try body(["version": 3, "coder": "Anna"])) { response in
                #expect(response.status == .ok)
                let coding = try #require(jsonObject(response.body))
                #expect(coding["id"] as? String == id && coding["version"] as? Int == 4 && coding["memo"] as? String == "på kvällen")
            }
            try await client.execute(uri: "/api/codings/\(id)/restore", method: .post, headers: browser.writeHeaders,
                                     body: try body(["version": 4, "coder": "Anna"])) { response in
                #expect(response.status == .conflict && errorCode(response.body) == "conflict")
            }
            let restored = try await client.execute(uri: "/api/codings/\(id)/history", method: .get, headers: browser.headers) { response in
                try #require(jsonArray(response.body) as? [[String: Any]])
            }
            #expect(restored.map { $0["kind"] as? String } == ["created", "changed", "removed", "restored"])
            try await client.execute(uri: "/api/codings/\(id)?coder=Anna&version=4", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }

            try await client.execute(uri: "/api/codings/c-000000000000/history", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
                #expect(errorCode(response.body) == "not_found")
            }
            try await client.execute(uri: "/api/codings/\(id)/history", method: .get, headers: fixture.host) { response in
                #expect(response.status == .unauthorized)
            }
            // The OpenAPI document describes exactly the keys the route returns.
            try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { response in
                let document = try #require(jsonObject(response.body))
                #expect((document["paths"] as? [String: Any])?["/api/codings/{id}/history"] != nil)
                #expect((document["paths"] as? [String: Any])?["/api/codings/{id}/restore"] != nil)
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
                let event = try #require(schemas["CodingEvent"])
                #expect(Set(event["required"] as? [String] ?? []) == Set(removed[0].keys))
                let kinds = try #require((event["properties"] as? [String: [String: Any]])?["kind"]?["enum"] as? [String])
                #expect(Set(kinds) == Set(CodingEvent.Kind.allCases.map(\.rawValue)))
            }
        }
    }
}
