import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `corpus/access.yaml` over every page and API route of the consent table
/// (`ConsentEveryRouteTests.routes`): R21 (full consent) is restricted to Anna. Bo, and a
/// browser that has not told its coder name, get none of R21's words and no count over R21's
/// segments, with a visible "withheld: access" marker or note; Anna gets what consent allows.
@Suite struct AccessEveryRouteTests {
    static let restricted = "R21"
    static let memoWord = "anteckningomnattenx"

    @Test func restrictedMaterialIsWithheldOnEveryRouteFromOtherCoders() async throws {
        let fixture = try await ConsentEveryRouteTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try Data("restricted:\n  - participant: \(Self.restricted)\n    coders: [Anna]\n".utf8)
            .write(to: fixture.root.appending(path: "corpus/access.yaml"))
        // A memo on the document that holds R21's words speaks of them: withheld with them. A
        // project memo is no one's material.
        _ = try await fixture.context.memos.add(target: .document, targetID: "int-021", author: "Anna", text: Self.memoWord)
        _ = try await fixture.context.memos.add(target: .project, targetID: "", author: "Anna", text: "projektanteckning")
        let word = ConsentEveryRouteTests.word(Self.restricted)
        let routes = ConsentEveryRouteTests.routes + (ExternalProgram("dot") != nil ? [("/actors.svg", false)] : [])
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for coder in ["Bo", nil, "Anna"] {
                let headers = AuditAccessPagesTests.headers(browser, coder: coder)
                let sees = coder == "Anna"
                for route in routes {
                    try await client.execute(uri: route.uri, method: .get, headers: headers) { response in
                        #expect(response.status == .ok, "\(route.uri)")
                        let body = String(buffer: response.body)
                        if !sees { #expect(!body.contains(word), "\(coder ?? "no coder"): \(route.uri) shows restricted words") }
                        #expect(!body.contains("coders: [Anna]"))
                    }
                }
                // Researcher views mark the restricted passage in place; count views say how many they left out.
                for uri in ["/documents/int-021", "/retrieval?code=need", "/cooccurrence/passages?a=need.safety&b=need.sleep"] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        let body = String(buffer: response.body)
                        #expect(body.contains("withheld: access (restricted to named coders)") == !sees, "\(coder ?? "no coder"): \(uri)")
                        #expect(body.contains(word) == sees, "\(coder ?? "no coder"): \(uri)")
                    }
                }
                for uri in ["/search?q=natten", "/matrix", "/cooccurrence", "/agreement", "/disagreements", "/actors"] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        let body = String(buffer: response.body)
                        #expect(body.contains("withheld: consent and access") == !sees, "\(coder ?? "no coder"): \(uri)")
                        // Counted in the view's unit (segments, hits, codings, evidence): R21's two codings, one segment.
                        #expect(body.contains("restricted to named coders: ") == !sees, "\(coder ?? "no coder"): \(uri)")
                    }
                }
                // Memos on the restricted document: absent from the page and the memos API, counted on the page.
                for uri in ["/documents/int-021", "/api/memos", "/memos", "/api/memos?target=document&target_id=int-021", "/api/memos?target=project"] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        #expect(response.status == .ok, "\(uri)")
                        let body = String(buffer: response.body)
                        if !uri.hasSuffix("project") { #expect(body.contains(Self.memoWord) == sees, "\(coder ?? "no coder"): \(uri) memo") }
                        if !uri.contains("document") { #expect(body.contains("projektanteckning"), "\(coder ?? "no coder"): \(uri) project memo") }
                    }
                }
                try await client.execute(uri: "/documents/int-021", method: .get, headers: headers) { response in
                    let memos = String(String(buffer: response.body).split(separator: "memos-title").last ?? "")
                    #expect(memos.contains("withheld: access — 1 memo (restricted to named coders: 1)") == !sees, "\(coder ?? "no coder"): memo note")
                }
                try await client.execute(uri: "/memos", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains("withheld: access — 1 memo (restricted to named coders: 1)") == !sees,
                            "\(coder ?? "no coder"): /memos note")
                }
                // Counts over segments leave R21's segment out for Bo, and say why (counts only).
                let visible = ConsentEveryRouteTests.people.filter(\.words).count - (sees ? 0 : 1)
                // The co-occurrence passages listed are as many as the pair's Both; the withheld follow apart, counted.
                try await client.execute(uri: "/api/cooccurrence", method: .get, headers: headers) { response in
                    let pairs = try #require(jsonObject(response.body)?["pairs"] as? [[String: Any]])
                    #expect(pairs.first { $0["code_a"] as? String == "need.safety" && $0["code_b"] as? String == "need.sleep" }?["both"] as? Int == visible)
                }
                try await client.execute(uri: "/cooccurrence/passages?a=need.safety&b=need.sleep", method: .get, headers: headers) { response in
                    let body = String(buffer: response.body)
                    let withheld = ConsentEveryRouteTests.people.count - visible
                    #expect(body.contains("<p class=\"count\">\(visible) passages</p>"), "\(coder ?? "no coder"): \(body)")
                    #expect(body.contains("<p class=\"count\">\(withheld) passages withheld: not counted in Both</p>"), "\(coder ?? "no coder")")
                    #expect(body.components(separatedBy: "<blockquote>").count - 1 == visible)
                }
                try await client.execute(uri: "/api/cooccurrence", method: .get, headers: headers) { response in
                    let body = try #require(jsonObject(response.body))
                    #expect(body["coded_segments"] as? Int == visible)
                    let withheld = (body["consent"] as? [String: Any])?["withheld"] as? [[String: Any]]
                    let reasons = withheld?.first?["by_reason"] as? [String: Int]
                    #expect(reasons?["restricted to named coders"] == (sees ? nil : 1))
                    #expect(!String(buffer: response.body).contains("\"\(Self.restricted)\""))
                }
                try await client.execute(uri: "/api/agreement", method: .get, headers: headers) { response in
                    let overall = try #require(jsonObject(response.body)?["overall"] as? [String: Any])
                    #expect(overall["units"] as? Int == visible * 2)
                }
                try await client.execute(uri: "/matrix", method: .get, headers: headers) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains("row=R21&amp;code=need.safety") == sees, "\(coder ?? "no coder"): matrix cell of R21")
                }
            }
        }
    }

    /// Editing or removing a memo on a document restricted to Anna: Bo (and a browser with no
    /// coder) gets the answer a memo that does not exist gets — 404, whatever the version — and
    /// the memo stays as it was; Anna may still edit it.
    @Test func memoWithheldByAccessCannotBeEditedOrRemovedByOtherCoders() async throws {
        let fixture = try await ConsentEveryRouteTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try Data("restricted:\n  - participant: \(Self.restricted)\n    coders: [Anna]\n".utf8)
            .write(to: fixture.root.appending(path: "corpus/access.yaml"))
        let memo = try await fixture.context.memos.add(target: .document, targetID: "int-021", author: "Anna", text: Self.memoWord)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func answer(_ uri: String, _ method: HTTPRequest.Method, coder: String?, version: Int) async throws -> (HTTPResponse.Status, String) {
                let payload: ByteBuffer? = method == .patch ? try body(["version": version, "text": "ändrad av någon annan"]) : nil
                let path = method == .delete ? "\(uri)?author=\(coder ?? "X")&version=\(version)" : uri
                return try await client.execute(uri: path, method: method, headers: AuditAccessPagesTests.headers(browser, coder: coder, write: true),
                                                body: payload) { ($0.status, String(buffer: $0.body)) }
            }
            for coder in ["Bo", nil] {
                for method in [HTTPRequest.Method.patch, .delete] {
                    let missing = try await answer("/api/memos/nosuchmemo", method, coder: coder, version: 1)
                    #expect(missing.0 == .notFound)
                    for version in [1, 7] {
                        let withheld = try await answer("/api/memos/\(memo.id)", method, coder: coder, version: version)
                        #expect(withheld.0 == .notFound, "\(coder ?? "no coder") \(method) version \(version)")
                        let same = { (text: String) in (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: String] }
                        #expect(same(withheld.1.replacingOccurrences(of: memo.id, with: "nosuchmemo")) == same(missing.1))
                        #expect(same(missing.1) != nil)
                    }
                }
            }
            let unchanged = try #require(try await fixture.context.store.memo(id: memo.id))
            #expect(unchanged.text == Self.memoWord && unchanged.version == 1)
            #expect(try await answer("/api/memos/\(memo.id)", .patch, coder: "Anna", version: 1).0 == .ok)
            #expect(try await answer("/api/memos/\(memo.id)", .delete, coder: "Anna", version: 2).0 == .noContent)
        }
    }
}
