import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: where no need→solution link is made yet, the needs, need and solutions
/// pages say where one is made (the need page's form, or `fieldwork link`); they said "No
/// solutions linked yet." or showed an empty cell. The form's required Rationale says so too.
@Suite struct NeedLinksGuidanceTests {
    @Test func emptyLinkStatesSayWhereLinksAreMade() async throws {
        let fixture = try await WebFixture()
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            func page(_ uri: String, language: String = "en") async throws -> String {
                try await browser.page(client, uri, language: language)
            }
            let need = try await page("/needs/need.contact_city")
            #expect(need.contains("No solutions linked yet. Link one with the form below (<a href=\"#link-solution-title\">Link a solution</a>), "
                + "or on the command line: <code>fieldwork link need.contact_city SOLUTION --rationale \"…\"</code>."))
            #expect(need.contains("<h2 id=\"link-solution-title\">Link a solution</h2><form id=\"link-solution\""))
            // Rationale is required: to the eye and to assistive technology.
            #expect(need.contains("<label><span>Rationale <span class=\"required-mark\" aria-hidden=\"true\">(required)</span></span> "
                + "<textarea name=\"rationale\" rows=\"3\" required aria-required=\"true\"></textarea></label>"))
            #expect(try await page("/needs/need.contact_city", language: "sv").contains("(obligatoriskt)"))

            let needs = try await page("/needs")
            #expect(needs.contains("<a href=\"/needs/need.contact_city#link-solution-title\" aria-label=\"Link a solution to "))

            let solutions = try await page("/solutions")
            #expect(solutions.contains("None yet: link it on a need’s page (Link a solution), or on the command line: "
                + "<code>fieldwork link NEED video-tablet --rationale \"…\"</code>."))
            #expect(try await page("/solutions", language: "sv").contains("Inga ännu: koppla den på ett behovs sida"))
        }
    }
}
