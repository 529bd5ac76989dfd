import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct NeedsRegisterTests {
    static func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/solutions.yaml", TelemetryFixture.solutions)
        try workspace.write("corpus/interviews/int-014.md", TemporaryWorkspace.interview(participants: "[R14, R15]", body: """
            **R14:** Jag är rädd på natten och larmet kostar för mycket.

            **R15:** Mamma ringer mig när hon är orolig.

            **Intervjuare:** Hur gör ni då?
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "rädd på natten", code: "need.safety.night")
        _ = try await workspace.code("int-014", quote: "kostar för mycket", code: "barrier.cost")
        _ = try await workspace.code("int-014", quote: "Mamma ringer mig", code: "need.safety")
        _ = try await workspace.code("int-014", quote: "Hur gör ni", code: "need")
        return workspace
    }

    @Test func evidenceCountsSpeakersAdministrationsQuotesAndCoOccurringBarriers() async throws {
        let workspace = try await Self.workspace()
        let register = try await workspace.context.needsRegister.register()
        #expect(register.map(\.need.id) == ["need", "need.safety", "need.safety.night"])
        let safety = try #require(register.first { $0.need.id == "need.safety" })
        // R15 has no consent at all: their words are no evidence, counted apart (as in the report).
        #expect(safety.codings == 1 && safety.evidenceWithheld == 1)
        #expect(safety.participants == ["R14"])
        #expect(safety.administrations == [.social, .care])
        #expect(safety.documentTypes == [.interview])
        // R15 has not consented to being quoted: only R14's words are offered, R15's counted as withheld.
        #expect(safety.quotes.map(\.text) == ["rädd på natten"])
        #expect(safety.quotesWithheld == 1)
        #expect(safety.barriers.map(\.codeID) == ["barrier.cost"])
        let root = try #require(register.first { $0.need.id == "need" })
        // The interviewer's turn counts for no one: shown, and no one's refusal (`QuotesWithheld`);
        // R15's turn is withheld, for quotes and as evidence.
        #expect(root.codings == 2 && root.participants == ["R14"] && root.quotesWithheld == 1 && root.evidenceWithheld == 1)
        let night = try #require(register.first { $0.need.id == "need.safety.night" })
        #expect(night.codings == 1 && night.participants == ["R14"] && night.administrations == [.social, .care])
    }

    @Test func linksAreValidatedStoredAndReplaced() async throws {
        let workspace = try await Self.workspace()
        let links = workspace.context.needLinks
        await #expect(throws: NeedLinkError.unknownNeed("need.nope")) {
            _ = try await links.link(need: "need.nope", solution: "door-sensor", rationale: "r", coder: "anna")
        }
        await #expect(throws: NeedLinkError.notANeed("barrier.cost", .barrier)) {
            _ = try await links.link(need: "barrier.cost", solution: "door-sensor", rationale: "r", coder: "anna")
        }
        await #expect(throws: NeedLinkError.unknownSolution("teleport")) {
            _ = try await links.link(need: "need.safety.night", solution: "teleport", rationale: "r", coder: "anna")
        }
        await #expect(throws: NeedLinkError.emptyRationale) {
            _ = try await links.link(need: "need.safety.night", solution: "door-sensor", rationale: "  ", coder: "anna")
        }
        _ = try await links.link(need: "need.safety.night", solution: "door-sensor", rationale: "Night checks without a visit", coder: "anna")
        _ = try await links.link(need: "need.safety.night", solution: "door-sensor", rationale: "Piloted in Norrby", status: .piloted, coder: "bo")
        let stored = try await workspace.store.needLinks(needID: "need.safety.night")
        #expect(stored.count == 1)
        #expect(stored.first?.status == .piloted && stored.first?.linkedBy == "bo" && stored.first?.rationale == "Piloted in Norrby")
        let night = try await workspace.context.needsRegister.evidence(needID: "need.safety.night")
        #expect(night?.links.map(\.solutionID) == ["door-sensor"])
    }

    @Test func catalogueProblemsNameFileAndLine() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/solutions.yaml", """
            solutions:
              - id: door-sensor
                name: Door
                description: A door contact.
                metrics: [{name: open, signal: door}]
                cost_to_resident: none
                competence: none
              - id: door-sensor
                name: Again
                description: Duplicate.
                metrics: [{name: "bad name", signal: smell}]
                cost_to_resident: none
                administrations: [space]
                colour: red
            """)
        try workspace.write("corpus/devices.yaml", "devices:\n  - {id: d1, solution: nope, participant: R99}\n")
        try await workspace.ingest()
        let report = try await workspace.context.solutionsCheck.run()
        let messages = report.problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("codebooks/solutions.yaml:14: unknown key 'colour'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/solutions.yaml:8: missing 'competence'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/solutions.yaml:11: metric name 'bad name'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/solutions.yaml:11: unknown signal 'smell'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/solutions.yaml:13: unknown administration 'space'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/solutions.yaml:8: duplicate solution id 'door-sensor' (first on line 2)") })
        // The codebook itself is unaffected by the catalogue.
        #expect(try await workspace.store.codebook().contains("need.safety"))
    }

    /// Two coders' codings of the same words are one quote, not two (the second inside the first).
    @Test func wordsAlreadyQuotedAreNotQuotedAgain() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: """
            **R14:** Jag vaknar och tänker att nu har något hänt. Sedan ligger jag vaken.

            **R14:** Dörren låser sig själv på natten.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "Jag vaknar och tänker att nu har något hänt.", coder: "anna")
        _ = try await workspace.code("int-014", quote: "tänker att nu har något hänt", coder: "bo")
        _ = try await workspace.code("int-014", quote: "Dörren låser sig själv", coder: "bo")
        let evidence = try #require(try await NeedsRegisterService(store: workspace.store).evidence(needID: "need.safety"))
        #expect(evidence.quotes.map(\.text) == ["Jag vaknar och tänker att nu har något hänt.", "Dörren låser sig själv"])
    }

    /// Whose devices a need's page charts: the residents whose words, allowed today, are coded
    /// with the need or a need below it. Not a resident whose consent was withdrawn, not staff,
    /// and not the residents of other needs.
    @Test func evidencingResidentsAreTheConsentingResidentsOfTheNeedAndTheNeedsBelowIt() async throws {
        let workspace = try await TemporaryWorkspace(participants: HandoutTests.participants)
        try workspace.write("corpus/interviews/int-020.md", TemporaryWorkspace.interview(
            id: "int-020", participants: "[R14, R17, R18, S05]", body: """
            **R14:** Jag är rädd på natten.

            **R17:** Jag vill känna mig trygg hemma.

            **R18:** Jag är också rädd ibland.

            **S05:** Vi ser det ofta i hemtjänsten.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-020", quote: "rädd på natten", code: "need.safety.night")
        _ = try await workspace.code("int-020", quote: "trygg hemma", code: "need.safety")
        _ = try await workspace.code("int-020", quote: "också rädd", code: "need.safety")
        _ = try await workspace.code("int-020", quote: "ser det ofta", code: "need.safety")
        let register = workspace.context.needsRegister
        #expect(try await register.evidencingResidents(needID: "need.safety") == ["R14", "R17"])
        #expect(try await register.evidencingResidents(needID: "need.safety.night") == ["R14"])
        #expect(try await register.evidencingResidents(needID: "no.such.need").isEmpty)
    }
}
