import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/retrieval.csv` is a download: it leaves the team like any export, so it carries the
/// replacements of `corpus/redactions.yaml` (the page, the team's own view, does not) and its
/// audit entry counts them.
@Suite struct RetrievalDownloadTests {
    @Test func theDownloadIsRedactedAndTheAuditEntryCountsIt() async throws {
        let fixture = try await ConsentEveryRouteTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try Data("redactions:\n  - {identifier: natten, replacement: \"[tid]\"}\n".utf8)
            .write(to: fixture.root.appending(path: "corpus/redactions.yaml"))
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/api/retrieval.csv?code=need", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let csv = String(buffer: response.body)
                #expect(!csv.contains("natten") && csv.contains("om [tid] och larmet"), "\(csv)")
            }
            try await client.execute(uri: "/retrieval?code=need", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("om natten och larmet"))
            }
        }
        let entries = try await fixture.context.audit.entries()
        let download = try #require(entries.last { $0.details["kind"] == "retrieval-csv" })
        // Three people's words may appear; each passage says it once in its quote.
        #expect(Int(download.details["redactions"] ?? "") ?? 0 >= ConsentEveryRouteTests.people.filter(\.words).count)
    }

    /// The download takes the page's filters (coder, administration, type, attribute, children),
    /// but the OpenAPI document listed only `code` for it (found by a new user).
    @Test func theDocumentListsTheDownloadsFiltersAsTheJSONs() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let document = try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { response in
                try #require(jsonObject(response.body))
            }
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            func names(_ path: String) throws -> Set<String> {
                let parameters = try #require(paths[path]?["get"]?["parameters"] as? [[String: Any]])
                return Set(parameters.compactMap { $0["name"] as? String })
            }
            let download = try names("/api/retrieval.csv")
            #expect(download == (try names("/api/retrieval")).subtracting(["limit", "offset"]), "\(download)")
        }
    }
}
