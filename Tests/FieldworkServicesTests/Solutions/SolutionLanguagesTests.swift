import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// The solution catalogue per language, like the codebook: `name: {sv: …, en: …}`,
/// `description` and `risks` too; plain values stay valid; the first language is the own text.
@Suite struct SolutionLanguagesTests {
    @Test func namesDescriptionsAndRisksPerLanguageWithPlainValuesStillValid() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/solutions.yaml", """
            solutions:
              - id: door-sensor
                name: {en: Door sensor, sv: Dörrsensor}
                description:
                  en: A door contact.
                  sv: En dörrkontakt.
                device_types: {en: [magnetic door contact], sv: [magnetkontakt på dörren]}
                metrics: [{name: open, signal: door}]
                cost_to_resident: none
                competence: none
                risks:
                  en: [Feels like being watched.]
                  sv: [Kan kännas som övervakning.]
              - id: plug
                name: Smart plug
                description: A plug.
                metrics: [{name: power, unit: W}]
                cost_to_resident: none
                competence: none
                risks: [Looks like a deviation.]
            """)
        let catalogue = try SolutionCatalogue.load(workspace.context.workspace)
        let door = try #require(catalogue["door-sensor"])
        #expect((door.name, door.description, door.risks) == ("Door sensor", "A door contact.", ["Feels like being watched."]))
        let swedish = try #require(catalogue.localized("sv")["door-sensor"])
        #expect((swedish.name, swedish.description, swedish.risks) == ("Dörrsensor", "En dörrkontakt.", ["Kan kännas som övervakning."]))
        // Device types too (the Swedish page said "magnetic door contact"; found by a new user).
        #expect(door.deviceTypes == ["magnetic door contact"] && swedish.deviceTypes == ["magnetkontakt på dörren"])
        #expect(catalogue.localized("de")["door-sensor"] == door)
        #expect(catalogue.localized("sv")["plug"]?.name == "Smart plug")
    }

    @Test func aLanguageKeyThatIsNotALanguageIsReportedWithItsLine() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/solutions.yaml", """
            solutions:
              - id: door-sensor
                name: {english: Door sensor}
                description: A door contact.
                metrics: [{name: open, signal: door}]
                cost_to_resident: none
                competence: none
            """)
        let error = #expect(throws: SourceProblems.self) { try SolutionCatalogue.load(workspace.context.workspace) }
        #expect(error?.problems.map(\.description).contains { $0.hasPrefix("codebooks/solutions.yaml:3: 'name' per language takes language codes") } == true)
    }

    /// The sample catalogue gives every solution in Swedish and English.
    @Test func theSampleCatalogueIsInBothLanguages() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let catalogue = try SolutionCatalogue.load(Workspace(root: repository))
        #expect(catalogue.solutions.count == 8)
        for solution in catalogue.solutions {
            for language in ["sv", "en"] {
                let translation = try #require(solution.translations[language], "\(solution.id) \(language)")
                #expect(translation.name != nil && translation.description != nil && translation.risks != nil, "\(solution.id) \(language)")
            }
            #expect(solution.localized("sv").name != solution.localized("en").name, "\(solution.id)")
        }
    }
}
