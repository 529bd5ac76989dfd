import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Codebook texts per language (`name: {sv: …, en: …}`), through ingest and the SQLite store.
@Suite struct CodebookLanguagesTests {
    @Test func namesDescriptionsAndExamplesPerLanguageSurviveIngest() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/codebook.yaml", """
            title: Codebook
            codes:
              - id: need
                name: {sv: Behov, en: Needs}
                kind: need
                children:
                  - id: need.safety
                    name: {en: Safety at home, sv: Trygghet i hemmet}
                    description:
                      sv: Känslan av att vara trygg hemma.
                    examples:
                      en: ["I keep the light on."]
                      sv: ["Jag har lampan tänd."]
                  - id: need.plain
                    name: Plain name
            """ + "\n")
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty, "\(summary.problems)")
        let codebook = try await workspace.store.codebook()
        let safety = try #require(codebook["need.safety"])
        // The first language written is the code's own text (CLI, exports).
        #expect(codebook["need"]?.name == "Behov")
        #expect((safety.name, safety.description, safety.examples) == ("Safety at home", "Känslan av att vara trygg hemma.", ["I keep the light on."]))
        let swedish = codebook.localized("sv")
        #expect(swedish["need.safety"]?.name == "Trygghet i hemmet")
        #expect(swedish["need.safety"]?.examples == ["Jag har lampan tänd."])
        #expect(codebook.localized("en")["need"]?.name == "Needs")
        #expect(codebook.localized("de")["need"]?.name == "Behov")
        #expect(swedish["need.plain"]?.name == "Plain name")
    }

    @Test func aLanguageKeyThatIsNoLanguageIsReportedWithItsLine() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/codebook.yaml", """
            title: Codebook
            codes:
              - id: need
                name: {Swedish: Behov}
                kind: need
            """ + "\n")
        let summary = try await workspace.ingest()
        #expect(summary.problems.map(\.description).contains { $0.contains("codebook.yaml:4") && $0.contains("language codes") })
    }
}
