import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: the JSON API agrees with the pages during a blind pass. `/agreement`
/// and `/disagreements` were withheld, yet `/api/agreement`, `/api/disagreements`,
/// co-occurrence, retrieval and the codings list answered every coder's codings to the same
/// browser (Anna's, in her pass, with Bo's codes and names in them).
@Suite struct BlindPassAPITests {
    static func blind(_ browser: Browser, write: Bool = false) -> HTTPFields {
        var fields = write ? browser.writeHeaders : browser.headers
        fields[.cookie] = browser.cookie + "; fieldwork_coder=Anna; fieldwork_blind=on"
        return fields
    }

    static func refused(_ response: TestResponse, _ route: String) throws {
        #expect(response.status == .forbidden, "\(route)")
        let body = try #require(jsonObject(response.body), "\(route)")
        #expect(body["error"] as? String == "blind_pass", "\(route)")
        #expect((body["detail"] as? String)?.contains("blind pass") == true, "\(route)")
    }

    @Test func routesThatCompareCodersAreRefusedDuringABlindPass() async throws {
        let fixture = try await WebFixture()
        let turns = try await AgreementAPITests.code(fixture)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            for route in ["/api/agreement?coders=Anna,Bo", "/api/disagreements?coders=Anna,Bo"] {
                try await client.execute(uri: route, method: .get, headers: Self.blind(browser)) { response in
                    try Self.refused(response, route)
                    #expect(!String(buffer: response.body).contains("Bo"), "\(route)")
                }
                // Out of the pass the comparison is there, as on the page.
                try await client.execute(uri: route, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(route)")
                }
            }
            let decision = #"{"document":"int-001","start":\#(turns[1].start),"end":\#(turns[1].end),"code":"barrier","by":"Anna"}"#
            for route in ["/api/disagreements/accept", "/api/disagreements/dismiss"] {
                try await client.execute(uri: route, method: .post, headers: Self.blind(browser, write: true),
                                         body: ByteBuffer(string: decision)) { response in
                    try Self.refused(response, route)
                }
            }
        }
        #expect(try await fixture.context.codings.list(CodingFilter(coder: "Consensus")).isEmpty)
    }

    @Test func routesThatListCodingsAnswerOnlyTheCodersOwnDuringABlindPass() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        let bos = try #require(try await fixture.context.codings.list(CodingFilter(coder: "Bo")).first)
        let annas = try #require(try await fixture.context.codings.list(CodingFilter(coder: "Anna")).first)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            let blind = Self.blind(browser)
            func coders(_ route: String, _ path: (Any) -> [String]) async throws -> Set<String> {
                let body = try await client.execute(uri: route, method: .get, headers: blind) { response in
                    #expect(response.status == .ok, "\(route)")
                    return try json(response.body)
                }
                return Set(path(body))
            }
            #expect(try await coders("/api/codings?document=int-001") { ($0 as? [[String: Any]] ?? []).compactMap { $0["coder"] as? String } } == ["Anna"])
            #expect(try await coders("/api/retrieval?code=barrier") {
                ($0 as? [[String: Any]] ?? []).compactMap { ($0["coding"] as? [String: Any])?["coder"] as? String }
            } == ["Anna"])
            #expect(try await coders("/api/cooccurrence") { [($0 as? [String: Any])?["coder"] as? String ?? "everyone"] } == ["Anna"])
            try await client.execute(uri: "/api/retrieval.csv?code=barrier", method: .get, headers: blind) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains(",Bo,"))
            }
            // Asking for another coder's codings, or one of theirs, is refused, not quietly narrowed.
            for route in ["/api/codings?coder=Bo", "/api/retrieval?code=barrier&coder=Bo", "/api/retrieval.csv?code=barrier&coder=Bo",
                          "/api/cooccurrence?coder=Bo", "/api/codings/\(bos.id)/history"] {
                try await client.execute(uri: route, method: .get, headers: blind) { response in try Self.refused(response, route) }
            }
            try await client.execute(uri: "/api/codings/\(annas.id)/history", method: .get, headers: blind) { response in
                #expect(response.status == .ok)
            }
            // Out of the pass, everyone's.
            try await client.execute(uri: "/api/codings?document=int-001", method: .get, headers: browser.headers) { response in
                #expect(Set((jsonArray(response.body) as? [[String: Any]] ?? []).compactMap { $0["coder"] as? String }) == ["Anna", "Bo"])
            }
        }
    }
}
