import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ActorsPageTests {
    @Test func thePageEmbedsTheServerDrawnSVGWithTheFilters() async throws {
        let fixture = try await WebFixture()
        let text = ScalarText(try #require(try await fixture.context.store.document(id: "int-001")).plainText)
        _ = try await fixture.context.codings.add(document: "int-001", span: 2215..<2300, code: "actor.social_services", coder: "anna")
        _ = try await fixture.context.codings.add(document: "int-001", span: 2300..<min(2400, text.count), code: "actor.home_care", coder: "anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/actors?need=need.safety&min_evidence=2", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/actors\" aria-current=\"page\">Actors</a>"))
                #expect(html.contains("<img class=\"actor-map\" src=\"/actors.svg?min_evidence=2&amp;need=need.safety\""))
                #expect(html.contains("<option value=\"need.safety\" selected>"))
                #expect(!html.contains("<svg"), "the SVG is served separately, never inlined")
            }
            try await client.execute(uri: "/actors.svg", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let svg = String(buffer: response.body)
                #expect(svg.contains("<svg") && svg.contains("Social services administration") && svg.contains("co&#45;occurs (1)"))
            }
            try await client.execute(uri: "/actors.svg?need=actor.school", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/actors?min_evidence=zero", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("Minimum evidence must be a whole number"))
            }
        }
        // Without a session the SVG is refused like every other route.
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/actors.svg", method: .get, headers: fixture.host) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
