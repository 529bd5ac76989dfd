import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The sample's solutions in the interface language on /solutions and the need pages, and in
/// the workshop's language (Swedish in the sample) in handouts.
@Suite struct SolutionLanguagesPagesTests {
    @Test func solutionsAreShownInTheInterfaceLanguageAndHandoutsInTheWorkshopLanguage() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-003", span: 298..<400, code: "need.safety.night", coder: "anna")
        _ = try await fixture.context.needLinks.link(need: "need.safety.night", solution: "door-sensor", rationale: "Nattkoll", coder: "Anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func page(_ uri: String, _ language: String) async throws -> String {
                var headers = browser.headers
                headers[.acceptLanguage] = language
                return try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return String(buffer: response.body)
                }
            }
            for uri in ["/solutions", "/needs", "/needs/need.safety.night"] {
                let swedish = try await page(uri, "sv")
                #expect(swedish.contains("Dörrsensor på ytterdörren"), "\(uri) sv")
                #expect(!swedish.contains("Door sensor on the front door"), "\(uri) sv")
                let english = try await page(uri, "en")
                #expect(english.contains("Door sensor on the front door"), "\(uri) en")
                #expect(!english.contains("Dörrsensor"), "\(uri) en")
            }
            let solutions = try await page("/solutions", "sv")
            #expect(solutions.contains("En kontaktsensor på ytterdörren"))
            // The catalogue's `none` and a link's status are words of the interface language too.
            #expect(solutions.contains("<dd>ingenting</dd>") && !solutions.contains("<dd>none</dd>"))
            #expect(solutions.contains("Att känna sig trygg på natten</a> (kandidat)"), "\(solutions)")
            #expect(try await page("/needs/need.safety.night", "sv").contains("<span class=\"status\">kandidat</span>"))
            #expect(try await page("/solutions", "en").contains("<dd>nothing</dd>"))
            #expect(solutions.contains("Kan kännas som att bli övervakad"))
            // The handout follows the workshop's language whatever the interface's.
            let handout = try await page("/handouts/need.safety.night", "en")
            #expect(handout.contains("Dörrsensor på ytterdörren") && !handout.contains("Door sensor on the front door"))
            let english = try await page("/handouts/need.safety.night?lang=en", "sv")
            #expect(english.contains("Door sensor on the front door") && !english.contains("Dörrsensor"))
            try await client.execute(uri: "/api/solutions?lang=sv", method: .get, headers: browser.headers) { response in
                let items = try #require(jsonArray(response.body) as? [[String: Any]])
                #expect(items.first { $0["id"] as? String == "door-sensor" }?["name"] as? String == "Dörrsensor på ytterdörren")
            }
        }
    }
}
