import FieldworkServices
import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CodingsAPITests {
    @Test func createUpdateReattachAndDeleteWithProperErrors() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let text = ScalarText(try await fixture.context.store.document(id: "int-004")!.plainText)
            let family = try #require(text.occurrences(of: Array("👩‍👩‍👧".unicodeScalars)).first)
            let created = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                body: try body(["document": "int-004", "start": family, "end": family + 5, "code": "need.social_contact", "coder": "Anna", "memo": "familj"])) { response in
                #expect(response.status == .created)
                return try #require(try json(response.body) as? [String: Any])
            }
            #expect(created["quote"] as? String == "👩‍👩‍👧")
            #expect(created["version"] as? Int == 1 && created["memo"] as? String == "familj")
            let id = try #require(created["id"] as? String)

            // Bad offsets, unknown codes and unknown documents are 4xx and change nothing.
            for (payload, status) in [
                (["document": "int-004", "start": 5, "end": 999_999, "code": "need", "coder": "A"], HTTPResponse.Status.unprocessableContent),
                (["document": "int-004", "start": 9, "end": 3, "code": "need", "coder": "A"], .unprocessableContent),
                (["document": "int-004", "start": 0, "end": 3, "code": "no.such", "coder": "A"], .unprocessableContent),
                // Only the speaker label "Interviewer:": nobody's words.
                (["document": "int-004", "start": 0, "end": 12, "code": "need", "coder": "A"], .unprocessableContent),
                (["document": "nope", "start": 0, "end": 3, "code": "need", "coder": "A"], .notFound),
            ] as [([String: Any], HTTPResponse.Status)] {
                try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(payload)) { response in
                    #expect(response.status == status)
                    let error = try #require(try json(response.body) as? [String: String])
                    #expect(error["error"] != nil && error["detail"] != nil)
                }
            }
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: ByteBuffer(string: "{not json")) { response in
                #expect(response.status == .badRequest)
            }
            #expect(try await fixture.context.store.counts().codings == 1)

            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "ändrad", "code": "need.safety"])) { response in
                #expect(response.status == .ok)
                let coding = try #require(try json(response.body) as? [String: Any])
                #expect(coding["version"] as? Int == 2 && coding["memo"] as? String == "ändrad" && coding["code"] as? String == "need.safety")
            }
            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "stale"])) { response in
                #expect(response.status == .conflict)
                #expect(errorCode(response.body) == "stale_version")
            }
            try await client.execute(uri: "/api/codings/\(id)/reattach", method: .post, headers: browser.writeHeaders,
                                     body: try body(["version": 2, "start": 13, "end": 19])) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)?["quote"] as? String == text[13..<19])
            }
            try await client.execute(uri: "/api/codings/\(id)?coder=Anna&version=1", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/codings/\(id)?coder=Anna&version=3", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/codings?document=int-004", method: .get, headers: browser.headers) { response in
                #expect(jsonArray(response.body)?.isEmpty == true)
            }
        }
    }

    @Test func twoTabsEditingTheSameCodingNeverBothWin() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                body: try body(["document": "int-001", "start": 20, "end": 40, "code": "need", "coder": "Anna"])) { response in
                try #require(try json(response.body) as? [String: Any])["id"] as! String
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for tab in 0..<6 {
                    group.addTask {
                        try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                                 body: try body(["version": 1, "memo": "tab \(tab)"])) { $0.status }
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 5)
            let stored = try await fixture.context.store.coding(id: id)
            #expect(stored?.version == 2)
        }
    }

    /// Many writes at once share group commits: every 201 is stored exactly once, and a
    /// duplicate and a stale change among them get their 409s without failing the others.
    @Test func concurrentWritesLandOnceAndARefusedOneFailsAlone() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                              body: try body(Self.batched(end: 40))) { response in
                try #require(jsonObject(response.body)?["id"] as? String)
            }
            let count = 48
            let answers = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, String?).self) { group in
                for index in 0..<count {
                    group.addTask {
                        try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                                 body: try body(Self.batched(end: 41 + index))) { ("new", $0.status, jsonObject($0.body)?["id"] as? String) }
                    }
                }
                group.addTask {
                    try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                             body: try body(Self.batched(end: 40))) {
                        ("duplicate", $0.status, errorCode($0.body))
                    }
                }
                for tab in 0..<2 {
                    group.addTask {
                        try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                                 body: try body(["version": 1, "memo": "tab \(tab)"])) { ("change", $0.status, errorCode($0.body)) }
                    }
                }
                return try await group.reduce(into: [(String, HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            let created = answers.filter { $0.0 == "new" }
            #expect(created.allSatisfy { $0.1 == .created })
            #expect(answers.filter { $0.0 == "duplicate" }.map(\.1) == [.conflict])
            #expect(answers.filter { $0.0 == "duplicate" }.map(\.2) == ["duplicate_coding"])
            #expect(answers.filter { $0.0 == "change" }.map(\.1).sorted { $0.code < $1.code } == [.ok, .conflict])
            #expect(answers.contains { $0.0 == "change" && $0.2 == "stale_version" })
            let stored = try await fixture.context.store.codings(CodingFilter(documentID: "int-001", coder: "Group Commit"))
            #expect(Set(stored.map(\.id)) == Set(created.compactMap(\.2) + [id]))
            #expect(stored.count == count + 1)
            #expect(try await fixture.context.store.coding(id: id)?.version == 2)
        }
    }

    static func batched(end: Int) -> [String: Any] {
        ["document": "int-001", "start": 20, "end": end, "code": "need", "coder": "Group Commit"]
    }

    @Test func anExactDuplicateIsRefusedSoNothingCountsTwice() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let coding: [String: Any] = ["document": "int-001", "start": 20, "end": 40, "code": "need", "coder": "Anna"]
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(coding)) { response in
                #expect(response.status == .created)
                return try #require(jsonObject(response.body)?["id"] as? String)
            }
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(coding)) { response in
                #expect(response.status == .conflict)
                #expect(errorCode(response.body) == "duplicate_coding")
                #expect((jsonObject(response.body)?["detail"] as? String)?.contains(id) == true)
            }
            #expect(try await fixture.context.store.counts().codings == 1)
            // Another coder, another code or another span is a coding of its own.
            for (key, value) in [("coder", "Maja"), ("code", "need.safety"), ("end", 41)] as [(String, Any)] {
                var other = coding
                other[key] = value
                try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(other)) { response in
                    #expect(response.status == .created, "\(key)")
                }
            }
            // Once the first is removed, the same coding may be made again.
            try await client.execute(uri: "/api/codings/\(id)?coder=Anna", method: .delete, headers: browser.writeHeaders) { _ in }
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(coding)) { response in
                #expect(response.status == .created)
            }
        }
    }

    @Test func changingACodingRecordsWhoChangedIt() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                body: try body(["document": "int-001", "start": 20, "end": 40, "code": "need", "coder": "Anna"])) { response in
                #expect(jsonObject(response.body)?["updated_by"] is NSNull)
                return try #require(jsonObject(response.body)?["id"] as? String)
            }
            for (version, change) in [(1, ["code": "need.safety"]), (2, ["memo": "ny"])] {
                var payload: [String: Any] = change
                payload["version"] = version
                payload["coder"] = "Maja L."
                try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders, body: try body(payload)) { response in
                    #expect(jsonObject(response.body)?["updated_by"] as? String == "Maja L.")
                }
            }
            try await client.execute(uri: "/api/codings/\(id)/reattach", method: .post, headers: browser.writeHeaders,
                                     body: try body(["version": 3, "start": 50, "end": 60, "coder": "Bo"])) { response in
                #expect(jsonObject(response.body)?["updated_by"] as? String == "Bo")
            }
            let stored = try #require(try await fixture.context.store.coding(id: id))
            #expect(stored.coder == "Anna" && stored.updatedBy == "Bo" && stored.version == 4)
        }
    }

    @Test func openAPIDocumentIsServedAndListsTheRoutes() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { response in
                let document = try #require(try json(response.body) as? [String: Any])
                #expect(document["openapi"] as? String == "3.1.0")
                let paths = try #require(document["paths"] as? [String: Any])
                for path in ["/api/documents", "/api/codings", "/api/codings/{id}", "/api/codings/{id}/reattach", "/api/search",
                             "/api/codebook", "/api/memos", "/api/retrieval"] {
                    #expect(paths[path] != nil, "\(path)")
                }
            }
        }
    }

    /// start ≥ end used to read "span [200, 200) is not inside the text (0 to 0 …)".
    @Test func aSpanWhoseStartIsNotBelowItsEndSaysSo() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-001", "start": 200, "end": 200, "code": "need", "coder": "A"])) { response in
                #expect(response.status == .unprocessableContent)
                let detail = try #require(jsonObject(response.body)?["detail"] as? String)
                #expect(detail.hasPrefix("start 200 must be 0 or more and below end 200"))
                #expect(!detail.contains("0 to 0"))
            }
        }
    }

    /// A span ending at Int.max stopped a SQLite server (an overflow in the text window's
    /// arithmetic) and got 500 from PostgreSQL (integer out of range); found by a new user.
    @Test func offsetsBeyondAnyTranscriptAre422AndTheServerStaysUp() async throws {
        let fixture = try await WebFixture()
        let orphan = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need", coder: "A")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (start, end) in [(Int.max - 1, Int.max), (50, 1_000_000_000_000), (Int(Int32.max), Int(Int32.max) + 1)] {
                try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                         body: try body(["document": "int-001", "start": start, "end": end, "code": "need", "coder": "A"])) { response in
                    #expect(response.status == .unprocessableContent, "\(start)..<\(end)")
                    let detail = try #require(jsonObject(response.body)?["detail"] as? String)
                    #expect(detail.contains("beyond the end of any transcript") || detail.contains("is not inside the text"), "\(detail)")
                }
                try await client.execute(uri: "/api/codings/\(orphan.id)/reattach", method: .post, headers: browser.writeHeaders,
                                         body: try body(["start": start, "end": end, "version": orphan.version])) { response in
                    #expect(response.status == .unprocessableContent, "reattach \(start)..<\(end)")
                }
            }
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-001", "start": 60, "end": 80, "code": "need", "coder": "A"])) { response in
                #expect(response.status == .created)
            }
        }
    }

    /// TRACE and other methods no route answers: 405 with Allow (schemathesis found 404).
    @Test func unknownMethodsGet405WithAllow() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for method in [HTTPRequest.Method.trace, .put, .options, HTTPRequest.Method("PROPFIND")!] {
                try await client.execute(uri: "/api/codings", method: method, headers: browser.writeHeaders) { response in
                    #expect(response.status == .methodNotAllowed, "\(method)")
                    #expect(response.headers[HTTPField.Name("Allow")!] == "GET, HEAD, POST, PATCH, DELETE")
                    #expect(errorCode(response.body) == "method_not_allowed")
                }
            }
            // Without a session it stays 401, whatever the method.
            try await client.execute(uri: "/api/codings", method: .trace, headers: fixture.host) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    /// Every operation the OpenAPI document lists is routed (no 404 from the router, no 405),
    /// and the limits it states are the ones the server enforces.
    @Test func theOpenAPIDocumentMatchesTheRoutesAndTheirLimits() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let document = try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { response in
                try #require(jsonObject(response.body))
            }
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            for (path, operations) in paths {
                let uri = path.replacing(/\{[a-z_]+\}/, with: "x")
                for (method, operation) in operations {
                    // Login and logout exist in team mode only (RoutePermissionsTests checks them there).
                    guard let parsed = HTTPRequest.Method(method.uppercased()),
                          (operation as? [String: Any])?["x-team-mode-only"] as? Bool != true else { continue }
                    try await client.execute(uri: uri, method: parsed, headers: browser.writeHeaders,
                                             body: parsed == .get ? nil : ByteBuffer(string: "{}")) { response in
                        #expect(response.status != .methodNotAllowed, "\(method) \(path)")
                        let routerMiss = response.status == .notFound && jsonObject(response.body)?["detail"] as? String == "Not Found"
                        #expect(!routerMiss, "\(method) \(path) is documented but not routed")
                    }
                }
            }
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
            let coder = try #require((schemas["CreateCoding"]?["properties"] as? [String: [String: Any]])?["coder"])
            let longest = try #require(coder["maxLength"] as? Int)
            for (name, status) in [(String(repeating: "a", count: longest), HTTPResponse.Status.created),
                                   (String(repeating: "a", count: longest + 1), .unprocessableContent), ("   ", .unprocessableContent)] {
                try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                         body: try body(["document": "int-001", "start": 20, "end": 30, "code": "need", "coder": name])) { response in
                    #expect(response.status == status, "coder of \(name.count)")
                }
            }
            let kinds = try #require(((schemas["CreateCode"]?["properties"] as? [String: [String: Any]])?["kind"])?["enum"] as? [String])
            #expect(Set(kinds) == Set(CodeKind.allCases.map(\.rawValue)))
            let memo = try #require((schemas["CreateMemo"]?["properties"] as? [String: [String: Any]])?["text"])
            #expect(memo["minLength"] as? Int == 1)
            try await client.execute(uri: "/api/memos", method: .post, headers: browser.writeHeaders,
                                     body: try body(["target": "project", "author": "A", "text": " "])) { response in
                #expect(response.status == .unprocessableContent)
            }
            let color = try #require((schemas["CreateCode"]?["properties"] as? [String: [String: Any]])?["color"]?["pattern"] as? String)
            #expect(color == "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
            try await client.execute(uri: "/api/codebook/codes", method: .post, headers: browser.writeHeaders,
                                     body: try body(["id": "theme.x", "name": "X", "color": "red"])) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }
}
