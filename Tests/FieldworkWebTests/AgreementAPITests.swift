import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AgreementAPITests {
    /// Anna and Bo code int-001 (Bo once more than Anna); only Anna codes int-002.
    static func code(_ fixture: WebFixture) async throws -> [Segment] {
        let segments = try await fixture.context.store.segments(documentID: "int-001")
        let turns = segments.filter { $0.speaker == "R01" }
        try #require(turns.count >= 2)
        let codings = fixture.context.codings
        for coder in ["Anna", "Bo"] {
            _ = try await codings.add(document: "int-001", span: turns[0].start..<(turns[0].start + 8), code: "need.safety.night", coder: coder)
            _ = try await codings.add(document: "int-001", span: turns[0].start..<(turns[0].start + 8), code: "barrier", coder: coder)
        }
        _ = try await codings.add(document: "int-001", span: turns[1].start..<(turns[1].start + 8), code: "barrier", coder: "Bo")
        let other = try await fixture.context.store.segments(documentID: "int-002")
        _ = try await codings.add(document: "int-002", span: other[1].start..<(other[1].start + 5), code: "barrier", coder: "Anna")
        return turns
    }

    /// The service's output encoded as the CLI encodes it: the API must give the same numbers.
    static func serviceJSON(_ value: some Encodable) throws -> NSDictionary {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try #require(try JSONSerialization.jsonObject(with: encoder.encode(value)) as? NSDictionary)
    }

    @Test func agreementRouteGivesTheServiceNumbers() async throws {
        let fixture = try await WebFixture()
        let turns = try await Self.code(fixture)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/api/agreement?coders=Anna,Bo", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let body = try #require(try json(response.body) as? NSDictionary)
                let expected = try Self.serviceJSON(AgreementOutput(
                    try await fixture.context.agreement.agreement(.init(coders: ["Anna", "Bo"]))))
                #expect(body == expected)
                #expect(body["documents"] as? [String] == ["int-001"])
                let leftOut = try #require(body["left_out"] as? [[String: Any]])
                #expect(leftOut.contains { $0["document"] as? String == "int-002" && $0["coded_by"] as? [String] == ["Anna"] })
                let disagreements = try #require(body["disagreements"] as? [[String: Any]])
                #expect(disagreements.count == 1)
                #expect(disagreements.first?["code"] as? String == "barrier")
                #expect(disagreements.first?["start"] as? Int == turns[1].start)
                #expect(disagreements.first?["applied_by"] as? [String] == ["Bo"])
                let codes = try #require(body["codes"] as? [[String: Any]])
                // need.safety.night: both applied it to the same segment and nowhere else.
                let night = try #require(codes.first { $0["code"] as? String == "need.safety.night" })
                #expect(night["fleiss_kappa"] as? Double == 1)
                #expect((night["undefined"] as? [String: String])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/agreement?coders=Anna&document=int-001", method: .get, headers: browser.headers) { response in
                let overall = try #require(jsonObject(response.body)?["overall"] as? [String: Any])
                #expect(overall["krippendorff_alpha"] is NSNull)
                #expect((overall["undefined"] as? [String: String])?["krippendorff_alpha"] == "needs at least two coders")
                #expect((overall["pairs"] as? [Any])?.isEmpty == true)
            }
            try await client.execute(uri: "/api/agreement?code=need&include_children=true&document=int-001",
                                     method: .get, headers: browser.headers) { response in
                let body = try #require(jsonObject(response.body))
                #expect((body["codes"] as? [[String: Any]])?.map { $0["code"] as? String } == ["need"])
            }
            // The OpenAPI document describes exactly the keys the route returns.
            let body = try await client.execute(uri: "/api/agreement", method: .get, headers: browser.headers) { try #require(jsonObject($0.body)) }
            try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { response in
                let document = try #require(jsonObject(response.body))
                #expect((document["paths"] as? [String: Any])?["/api/agreement"] != nil)
                #expect((document["paths"] as? [String: Any])?["/api/cooccurrence"] != nil)
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
                #expect(Set(schemas["Agreement"]?["required"] as? [String] ?? []) == Set(body.keys))
                let overall = try #require(body["overall"] as? [String: Any])
                #expect(Set(schemas["AgreementSummary"]?["required"] as? [String] ?? []) == Set(overall.keys))
            }
            try await client.execute(uri: "/api/agreement?code=no.such.code", method: .get, headers: browser.headers) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/agreement?code=need.safty", method: .get, headers: browser.headers) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("no code 'need.safty' in the codebook; did you mean need.safety"))
            }
            try await client.execute(uri: "/api/agreement?document=no-such-doc", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func cooccurrenceRouteCountsSegmentsPerCoder() async throws {
        let fixture = try await WebFixture()
        _ = try await Self.code(fixture)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (query, coder) in [("", nil), ("?coder=Bo", "Bo")] as [(String, String?)] {
                try await client.execute(uri: "/api/cooccurrence\(query)", method: .get, headers: browser.headers) { response in
                    let body = try #require(try json(response.body) as? NSDictionary)
                    let expected = try Self.serviceJSON(CooccurrenceOutput(
                        try await fixture.context.agreement.cooccurrence(coder: coder), coder: coder))
                    #expect(body == expected)
                    let pairs = try #require(body["pairs"] as? [[String: Any]])
                    #expect(pairs.count == 1)
                    #expect(pairs.first?["code_a"] as? String == "need.safety.night")
                    #expect(pairs.first?["code_b"] as? String == "barrier")
                    // Anyone: barrier in 3 segments (two documents), together once → 1 / (1 + 3 − 1).
                    // Bo: barrier in 2 segments → 1 / 2.
                    #expect(pairs.first?["jaccard"] as? Double == (coder == nil ? 1.0 / 3 : 0.5))
                }
            }
        }
    }
}
