import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A search of 127 or more words answered 500 on SQLite (`too many arguments on function
/// fieldwork_bm25`; found by a new user). Repeated words count once, and more different terms
/// than the ranking takes (100) is 422 naming the limit, on both stores alike.
@Suite struct SearchTermsLimitTests {
    static func query(_ words: [String]) -> String {
        words.joined(separator: " ").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    @Test func repeatedWordsCountOnceAndTooManyTermsAre422() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let single = try await client.execute(uri: "/api/search?q=r%C3%A4dd", method: .get, headers: browser.headers) { response in
                jsonArray(response.body)?.count ?? -1
            }
            #expect(single > 0)
            try await client.execute(uri: "/api/search?q=\(Self.query(Array(repeating: "rädd", count: 200)))", method: .get,
                                     headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(jsonArray(response.body)?.count == single)
            }
            let hundred = ["rädd"] + (2...SearchQuery.maximumTerms).map { "ord\($0)" }
            try await client.execute(uri: "/api/search?q=\(Self.query(hundred))", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
            }
            let many = (1...127).map { "ord\($0)" }
            try await client.execute(uri: "/api/search?q=\(Self.query(many))", method: .get, headers: browser.headers) { response in
                #expect(response.status == .unprocessableContent)
                #expect(jsonObject(response.body)?["detail"] as? String
                        == "the search has 127 different words or phrases; at most 100 are searched at once")
            }
            try await client.execute(uri: "/search?q=\(Self.query(many))", method: .get, headers: browser.headers) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("at most 100 are searched at once"))
            }
        }
    }
}
