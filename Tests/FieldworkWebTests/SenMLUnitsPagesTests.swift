import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: SenML units read as words where a researcher reads them. The solutions
/// page said "battery (%EL)" and the need page "87 %EL": the registry's symbols, made for parsers.
@Suite struct SenMLUnitsPagesTests {
    @Test func unitsAreShownAsPeopleReadThemInBothLanguages() async throws {
        let fixture = try await NeedsPagesTests.fixture()
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            func page(_ uri: String, language: String = "en") async throws -> String {
                try await browser.page(client, uri, language: language)
            }
            let solutions = try await page("/solutions")
            #expect(solutions.contains("battery (% charge)") && solutions.contains("humidity (% humidity)"))
            #expect(solutions.contains("temperature (°C)") && solutions.contains("power (W)"))
            #expect(!solutions.contains("%EL") && !solutions.contains("%RH") && !solutions.contains("(Cel)"))
            #expect(try await page("/solutions", language: "sv").contains("(% laddning)"))
            // The door sensor's battery, read on one day: said in a sentence with its unit.
            let need = try await page("/needs/need.safety.night")
            #expect(need.contains(": 87 % charge.") && !need.contains("%EL"))
            #expect(try await page("/needs/need.safety.night", language: "sv").contains(": 87 % laddning."))
        }
    }
}
