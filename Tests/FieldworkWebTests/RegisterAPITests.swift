import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/register`: the policy-lab register as JSON on the sample's two sessions with the
/// sample's codings — what the page and `fieldwork register --json` give, small cells applied
/// with `?for_publication=1`, and the shape the OpenAPI document states (issue 13 part 5).
@Suite struct RegisterAPITests {
    static func fixtureWithCodings() async throws -> WebFixture {
        let fixture = try await WebFixture()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appending(path: "codings"), to: fixture.root.appending(path: "codings"))
        #expect(try await fixture.context.ingest.ingest().succeeded)
        return fixture
    }

    @Test func theRegisterIsServedWithHistoryTracesAndSolutions() async throws {
        let fixture = try await Self.fixtureWithCodings()
        let service = try await fixture.context.policyLabRegister.register()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let body = try await client.execute(uri: "/api/register", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                return try #require(jsonObject(response.body))
            }
            let proposals = try #require(body["proposals"] as? [[String: Any]])
            #expect(proposals.compactMap { $0["id"] as? String } == ["P1", "P2", "P3", "P4", "P5"])
            #expect(proposals.compactMap { $0["status"] as? String } == ["decided", "in progress", "rejected", "done", "proposed"])
            let history = try #require(proposals[0]["history"] as? [[String: Any]])
            #expect(history.compactMap { $0["status"] as? String } == ["proposed", "decided"])
            #expect(history.compactMap { $0["document"] as? String } == ["pl-001", "pl-002"])
            let solutions = try #require(proposals[1]["solutions"] as? [[String: Any]])
            #expect(solutions.compactMap { $0["id"] as? String } == ["fall-detection", "motion-sensor"])
            #expect(solutions.first?["name"] as? String == "Fall detection sensor")
            // Counts are the service's (the consent rule applied there), pseudonyms listed.
            for (json, proposal) in zip(proposals, service.proposals) {
                let answers = try #require(json["answers"] as? [[String: Any]])
                #expect(answers.compactMap { $0["code"] as? String } == proposal.answers.map(\.codeID))
                #expect(answers.compactMap { $0["resident_count"] as? String } == proposal.answers.map { String($0.residents.count) })
                #expect(answers.compactMap { $0["residents"] as? [String] } == proposal.answers.map(\.residents))
                #expect(json["residents"] as? String == String(proposal.residents.count))
            }
            #expect((body["problems"] as? [Any])?.isEmpty == true)
            #expect(body["withheld"] as? Int == service.withheld.total)
            #expect(body["small_cells_below"] is NSNull)

            // The OpenAPI document states the route and exactly the keys it returns.
            try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { response in
                let document = try #require(jsonObject(response.body))
                #expect((document["paths"] as? [String: Any])?["/api/register"] != nil)
                let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]])
                #expect(Set(schemas["Register"]?["required"] as? [String] ?? []) == Set(body.keys))
                #expect(Set(schemas["Proposal"]?["required"] as? [String] ?? []) == Set(proposals[0].keys))
            }
        }
    }

    @Test func forPublicationGivesCountsWithSmallCellsAndNoPseudonyms() async throws {
        let fixture = try await Self.fixtureWithCodings()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let full = try await client.execute(uri: "/api/register", method: .get, headers: browser.headers) { try #require(jsonObject($0.body)) }
            let published = try await client.execute(uri: "/api/register?for_publication=1", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                return try #require(jsonObject(response.body))
            }
            #expect(published["small_cells_below"] as? Int == 5)
            let fullProposals = try #require(full["proposals"] as? [[String: Any]])
            let publishedProposals = try #require(published["proposals"] as? [[String: Any]])
            #expect(fullProposals.count == publishedProposals.count)
            var suppressed = 0
            for (raw, shown) in zip(fullProposals, publishedProposals) {
                for (rawAnswer, answer) in zip(raw["answers"] as? [[String: Any]] ?? [], shown["answers"] as? [[String: Any]] ?? []) {
                    let count = Int(rawAnswer["resident_count"] as? String ?? "") ?? -1
                    let expected = count > 0 && count < 5 ? "< 5" : String(count)
                    #expect(answer["resident_count"] as? String == expected)
                    #expect(answer["residents"] is NSNull)
                    if expected == "< 5" { suppressed += 1 }
                }
            }
            #expect(suppressed > 0, "the sample has codes raised by fewer than five residents")
            // No pseudonym behind a count: the proposal-level figure is a count too.
            for (raw, shown) in zip(fullProposals, publishedProposals) {
                let count = Int(raw["residents"] as? String ?? "") ?? -1
                #expect(shown["residents"] as? String == (count > 0 && count < 5 ? "< 5" : String(count)))
            }
            // Nor in the facilitators' text: the sample's notes name R05 and S03, publication masks them.
            let ids = Set(try await fixture.context.store.participants().map(\.id))
            func words(_ proposals: [[String: Any]]) -> Set<String> {
                Set(proposals.flatMap { ($0["text"] as? [String]) ?? [] }
                    .flatMap { $0.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init) })
            }
            #expect(!words(fullProposals).isDisjoint(with: ids), "the sample's notes name participants")
            #expect(words(publishedProposals).isDisjoint(with: ids))
        }
    }

    @Test func problemsInTheNotesComeWithFileLineAndKind() async throws {
        let fixture = try await WebFixture()
        try "---\nid: pl-009\ntype: policy-lab\ntitle: Trasigt\ndate: 2026-04-01\nlanguage: sv\nparticipants: []\n---\n# Labb\n\n## Förslag P9: Ny\n\n- Status: kanske\n"
            .write(to: fixture.root.appending(path: "corpus/policy-lab/pl-009.md"), atomically: true, encoding: .utf8)
        #expect(try await fixture.context.ingest.ingest().succeeded)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let body = try await client.execute(uri: "/api/register", method: .get, headers: browser.headers) { try #require(jsonObject($0.body)) }
            let problems = try #require(body["problems"] as? [[String: Any]])
            #expect(problems.count == 1)
            #expect(problems.first?["file"] as? String == "corpus/policy-lab/pl-009.md" && problems.first?["line"] as? Int == 13)
            #expect(problems.first?["kind"] as? String == "unknownStatus")
            #expect((problems.first?["message"] as? String)?.hasPrefix("unknown status \"kanske\" in proposal P9") == true)
        }
    }
}
