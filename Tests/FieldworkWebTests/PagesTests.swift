import FieldworkServices
import FieldworkCore
import FieldworkWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PagesTests {
    @Test func everyPageRendersForASignedInBrowser() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (path, needle) in [("/", "Documents"), ("/?type=workshop", "workshop"), ("/documents/ws-001", "Station"),
                                   ("/codebook", "need.safety.night"), ("/retrieval", "Choose a code"),
                                   ("/search?q=trygg*", "<mark>"), ("/orphans", "No orphaned codings"),
                                   ("/static/codes.css", "--c:")] {
                try await client.execute(uri: path, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(String(buffer: response.body).contains(needle), "\(path)")
                }
            }
            try await client.execute(uri: "/codebook", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<nav aria-label=\"Main\"><a href=\"/\">Documents</a><a href=\"/codebook\" aria-current=\"page\">Codebook</a>"))
            }
            try await client.execute(uri: "/documents/nope", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            }
        }
    }

    /// The page frame is cut where its body goes at a marker that starts with NUL: a NUL the
    /// frame itself holds (here in the search box's value) is not taken for it.
    @Test func aNulInTheQueryDoesNotMisplaceTheBody() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for path in ["/search?q=%00natt", "/search?q=natt%00%00"] {
                try await client.execute(uri: path, method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok, "\(path)")
                    #expect(html.contains("<main") && html.hasSuffix("</html>") && !html.contains("fieldwork-body-"), "\(path): \(html.suffix(200).debugDescription)")
                    #expect(html.components(separatedBy: "<main").count == 2, "\(path)")
                }
            }
        }
    }

    @Test func transcriptRunsCarryExactScalarOffsetsAndOverlapsNest() async throws {
        let fixture = try await WebFixture()
        let text = ScalarText(try await fixture.context.store.document(id: "int-004")!.plainText)
        let family = try #require(text.occurrences(of: Array("👩‍👩‍👧".unicodeScalars)).first)
        let outer = try await fixture.context.codings.add(document: "int-004", span: (family - 6)..<(family + 8), code: "need", coder: "A")
        let inner = try await fixture.context.codings.add(document: "int-004", span: family..<(family + 5), code: "barrier", coder: "B")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/documents/int-004", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                // Every run's text is the plain text from its data-s offset.
                let runs = html.components(separatedBy: "<span class=\"run\" data-s=\"").dropFirst()
                #expect(runs.count > 10)
                for run in runs {
                    let offset = Int(run.prefix { $0.isNumber })!
                    let escaped = run.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                    let unescaped = String(escaped).replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
                    #expect(text[offset..<(offset + unescaped.scalarCount)] == unescaped)
                }
                // Each highlight is described by its chip (checked in the browser tests); not compared here.
                let marks = html.replacingOccurrences(of: #" aria-describedby="[^"]*""#, with: "", options: .regularExpression)
                #expect(marks.contains("<mark class=\"hl\" data-coding=\"\(outer.id)\" data-code=\"need\"><mark class=\"hl\" data-coding=\"\(inner.id)\" data-code=\"barrier\"><span class=\"run\" data-s=\"\(family)\">👩‍👩‍👧</span></mark></mark>"))
            }
        }
    }
}
