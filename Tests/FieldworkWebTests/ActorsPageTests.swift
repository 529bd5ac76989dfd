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
        _ = try await fixture.context.codings.add(document: "int-001", span: 1091..<1200, code: "need.safety.night", coder: "anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/actors?need=need.safety&min_evidence=2", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/actors\" aria-current=\"page\">Actors</a>"))
                #expect(html.contains("<option value=\"need.safety\" selected>"))
                // The SVG is inline (so it can be zoomed with sharp text), labelled, without its XML prolog.
                #expect(html.contains("<div class=\"map-viewport\" id=\"actor-map\" tabindex=\"0\""))
                #expect(html.contains("<svg role=\"img\" aria-label=\"Actor map with "))
                #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg"))
                #expect(html.contains("<button type=\"button\" data-zoom=\"in\">Zoom in</button>"))
                #expect(html.contains("<script type=\"module\" src=\"/static/actor-map.js\"></script>"))
                #expect(html.contains("href=\"/actors.svg?min_evidence=2&amp;need=need.safety\""))
            }
            try await client.execute(uri: "/actors", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                // The key is the text alternative; the drawing on the page leaves it out.
                #expect(html.contains("<caption>Key to the numbered lines</caption>"))
                #expect(html.contains("<td>co-occurs</td><td>1 segment</td>"))
                #expect(!html.contains("Key to the numbered lines</text>"))
            }
            try await client.execute(uri: "/actors.svg", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                let svg = String(buffer: response.body)
                #expect(svg.contains("<svg") && svg.contains("Social services administration"))
                #expect(svg.contains("co&#45;occurs, 1 segment") && svg.contains("Key to the numbered lines"))
            }
            try await client.execute(uri: "/actors?view=table", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<table class=\"actor-table\">"))
                #expect(html.contains("<th scope=\"row\">Care and welfare administration</th>"))
                #expect(!html.contains("<svg"))
            }
            try await client.execute(uri: "/actors?view=bipartite&administration=care-administration", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<option value=\"care-administration\" selected>"))
                #expect(html.contains("<svg role=\"img\""))
                #expect(!html.contains("School administration") && !html.contains("Education administration</text>"))
            }
            // A query the page cannot draw is answered 400, as the SVG is, with the page and its
            // filters to correct it (it said 200 with the problem in an alert).
            for (query, message) in [("administration=alarm-vendor", "is not an administration"), ("view=circle", "Unknown view"),
                                     ("need=need.safety&administration=care-administration", "not both"), ("need=nope", "nope")] {
                try await client.execute(uri: "/actors?\(query)", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(String(buffer: response.body).contains(message), "\(query)")
                    #expect(String(buffer: response.body).contains("<form"), "\(query)")
                }
                try await client.execute(uri: "/actors.svg?\(query)", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .badRequest, "\(query)")
                }
            }
            try await client.execute(uri: "/actors.svg?need=actor.school", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/actors?min_evidence=zero", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
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

    /// The drawing speaks the page's language: legend, clusters and title from the catalogue, and
    /// its key (drawn and as the page's table) names relations and counts evidence in Swedish.
    /// Graphviz titles every graph, cluster, node and edge with its DOT id, and the browser
    /// showed "actor_map" or "cluster_administration" as the map's tooltips: the page's drawing
    /// has none (the page's own `<title>` is the only one), the downloaded SVG keeps Graphviz's.
    @Test func theMapOnThePageShowsNoInternalIdsAsTooltips() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/actors", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<svg role=\"img\"") && html.contains("Social services administration"))
                #expect(html.matches(of: /<title>/).count == 1)
                #expect(!html.contains("actor_map") && !html.contains("cluster_"))
            }
            try await client.execute(uri: "/actors.svg", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<title>actor_map</title>"))
            }
        }
    }

    @Test func theSwedishMapIsDrawnInSwedish() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-001", span: 2215..<2300, code: "actor.social_services", coder: "anna")
        _ = try await fixture.context.codings.add(document: "int-001", span: 2215..<2300, code: "need.safety.night", coder: "anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            for uri in ["/actors", "/actors.svg"] {
                try await client.execute(uri: uri, method: .get, headers: swedish) { response in
                    #expect(response.status == .ok)
                    let drawing = String(buffer: response.body)
                    // The need by its Swedish name (the codebook's translation), not its English one.
                    #expect(drawing.contains("trygg på") || drawing.contains("Att känna sig"), "\(uri)")
                    #expect(!drawing.contains("Feeling safe"), "\(uri)")
                    #expect(drawing.contains(">Teckenförklaring</text>"), "\(uri)")
                    #expect(drawing.contains(">Förvaltning</text>"), "\(uri)")
                    for english in [">Legend</text>", ">Administration</text>", ">Resident group</text>", ">Actor map</text>",
                                    "provides", "refers", "1 resident"] {
                        #expect(!drawing.contains(english), "\(uri): \(english)")
                    }
                }
            }
            try await client.execute(uri: "/actors", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<td>lämnar data till</td><td></td><td>Alarm events and sensor readings</td>"))
                #expect(html.contains("<td>berörs</td><td>1 invånare</td>"))
                #expect(!html.contains("involved-in") && !html.contains("co-occurs"))
            }
            try await client.execute(uri: "/actors.svg", method: .get, headers: swedish) { response in
                let svg = String(buffer: response.body)
                #expect(svg.contains("lämnar data till (Alarm events and sensor readings)"))
                #expect(svg.contains("1 invånare"))
            }
            try await client.execute(uri: "/actors.svg", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains(">Legend</text>"))
            }
        }
    }

    /// Inlining the SVG must not let an actor's name become markup: Graphviz escapes it.
    @Test func aHostileActorNameStaysTextInTheInlineSVG() async throws {
        let fixture = try await WebFixture()
        let actors = fixture.root.appending(path: "corpus/actors.yaml")
        try (try String(contentsOf: actors, encoding: .utf8))
            .replacingOccurrences(of: "name: Social services administration", with: #"name: "<script>alert(1)</script><img src=x onerror=alert(2)> & co""#)
            .write(to: actors, atomically: true, encoding: .utf8)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/actors", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!html.contains("<script>alert") && !html.contains("<img src=x"))
            }
        }
    }
}
