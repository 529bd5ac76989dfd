import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/report` and its downloads (issue 13 part 6): the same report as the CLI, downloads recorded
/// in the audit log like every export, an unknown language refused.
@Suite struct ReportRoutesTests {
    @Test func thePageLinksItsDownloadsAndADownloadIsAudited() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/report?lang=en", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">") && html.contains("<h1>Study report</h1>"))
                #expect(html.contains("href=\"/static/report.css\"") && !html.contains("<style>"), "no inline style under the CSP")
                #expect(html.contains("href=\"/report/download?lang=en&amp;format=pdf\""))
                #expect(html.contains("href=\"/report?lang=sv\" hreflang=\"sv\""))
            }
            try await client.execute(uri: "/report/download?lang=sv&for_publication=1&format=md", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"report-sv-publication.md\"")
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("# Studierapport\n") && text.contains("Tal under 5 visas som ”< 5”"))
            }
            try await client.execute(uri: "/report?lang=de", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/report/download?format=docx", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
        }
        let log = try String(contentsOf: fixture.root.appending(path: "audit/log.jsonl"), encoding: .utf8)
        #expect(log.contains("report-md") && log.contains("\"file\":\"download\""))
    }
}
