import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: the browser session's coder name (the `fieldwork_coder` cookie) is
/// recorded on audited actions and shown on `/audit`; material restricted to named coders is
/// withheld from everyone else.
@Suite struct AuditAccessPagesTests {
    static func headers(_ browser: Browser, coder: String?, write: Bool = false) -> HTTPFields {
        var fields = write ? browser.writeHeaders : browser.headers
        if let coder {
            fields[.cookie] = browser.cookie + "; fieldwork_coder=" + coder.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        }
        return fields
    }

    @Test func auditedBrowserActionsNameTheSessionsCoderAndTheAuditPageShowsThem() async throws {
        let fixture = try await WebFixture()
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            try await client.execute(uri: "/api/codebook/codes", method: .post, headers: Self.headers(browser, coder: "Maja L.", write: true),
                                     body: try body(["id": "need.audit_probe", "name": "Probe", "parent": "need"])) { response in
                #expect(response.status == .created)
            }
            try await client.execute(uri: "/api/retrieval.csv?code=need", method: .get, headers: Self.headers(browser, coder: "Bo")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/audit", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/audit\" aria-current=\"page\">Audit</a>"))
                #expect(html.contains("the hash chain is intact"))
                #expect(html.contains("<td>Maja L.</td><td>codebook</td>"))
                #expect(html.contains("need.audit_probe"))
                #expect(html.contains("<td>Bo</td><td>export</td>"))
                #expect(html.contains("Retrieval (CSV)"))
                // Times in the study's time zone (Stockholm by default), named in the heading, the
                // stamp kept in `datetime`.
                #expect(html.contains("<th scope=\"col\">When (Europe/Stockholm)</th>"))
                let stamp = try #require(html.firstMatch(of: /<time datetime="([^"]+)" title="[^"]+">(\d{4}-\d\d-\d\d \d\d:\d\d)<\/time>/))
                let date = try #require(ISO8601DateFormatter.fractional.date(from: String(stamp.output.1)))
                let local = DateFormatter()
                local.timeZone = TimeZone(identifier: "Europe/Stockholm")
                local.dateFormat = "yyyy-MM-dd HH:mm"
                #expect(String(stamp.output.2) == local.string(from: date))
            }
            // An ingest's codebook numbers in the page's language (a new user read "kodbok 55
            // codes, 0 codings remapped" on the Swedish page).
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            try await client.execute(uri: "/audit", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("kodningar flyttade till omdöpta koder"), "\(html)")
                #expect(!html.contains("codings remapped") && !html.contains(" codes,"))
            }
            // Someone edits the log: the page says so and names the line.
            let url = fixture.root.appending(path: "audit/log.jsonl")
            let log = try String(contentsOf: url, encoding: .utf8)
            try Data(log.replacingOccurrences(of: "\"by\":\"Maja L.\"", with: "\"by\":\"Anna\"").utf8).write(to: url)
            try await client.execute(uri: "/audit", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("The audit log was changed: its hash chain is broken."))
                #expect(html.contains("audit/log.jsonl:"))
            }
        }
    }

    @Test func restrictedMaterialIsWithheldFromOtherCoders() async throws {
        let fixture = try await WebFixture()
        let phrase = "Telefonen säger till"  // R02's own words in int-002
        try Data("restricted:\n  - participant: R02\n    coders: [Anna]\n".utf8)
            .write(to: fixture.root.appending(path: "corpus/access.yaml"))
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            for coder in ["Bo", nil] {
                try await client.execute(uri: "/documents/int-002", method: .get, headers: Self.headers(browser, coder: coder)) { response in
                    let html = String(buffer: response.body)
                    #expect(!html.contains(phrase))
                    #expect(html.contains("withheld: access (restricted to named coders)"))
                    #expect(html.contains("Kan du berätta om en vanlig dag?"))
                }
                try await client.execute(uri: "/api/documents/int-002", method: .get, headers: Self.headers(browser, coder: coder)) { response in
                    #expect(!String(buffer: response.body).contains(phrase))
                }
                try await client.execute(uri: "/api/search?q=Telefonen", method: .get, headers: Self.headers(browser, coder: coder)) { response in
                    #expect(!String(buffer: response.body).contains("\"R02\""))
                }
            }
            try await client.execute(uri: "/documents/int-002", method: .get, headers: Self.headers(browser, coder: "anna")) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(phrase) && !html.contains("withheld: access"))
            }
        }
    }
}

extension AuditAccessPagesTests {
    /// A broken access file is never an open policy: every request names the file and line.
    @Test func aBrokenAccessFileShowsNothingAndNamesTheProblem() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try Data("restricted:\n  - document_type: diary\n    coders: [Anna]\n".utf8)
                .write(to: fixture.root.appending(path: "corpus/access.yaml"))
            try await client.execute(uri: "/api/documents/int-002", method: .get, headers: Self.headers(browser, coder: "Anna")) { response in
                #expect(response.status == .internalServerError)
                #expect(errorCode(response.body) == "access_policy")
                #expect((jsonObject(response.body)?["detail"] as? String)?.hasPrefix("corpus/access.yaml:2: unknown document type") == true)
                #expect(!String(buffer: response.body).contains("Telefonen"))
            }
        }
    }
}

extension ISO8601DateFormatter {
    /// The audit log's stamps: `2026-12-02T07:42:31.794Z`.
    static var fractional: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
