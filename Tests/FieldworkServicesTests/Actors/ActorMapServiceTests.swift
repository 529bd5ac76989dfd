import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct ActorMapServiceTests {
    static let codebook = TemporaryWorkspace.codebook + """

          - id: actor
            name: Actors
            kind: actor
            children:
              - id: actor.home_care
                name: Home care
              - id: actor.social
                name: Social services
              - id: actor.relatives
                name: Relatives
              - id: actor.bank
                name: BankID (the banks)
              - id: actor.landlord
                name: Housing company
        """

    static let actors = """
        actors:
          - {id: care, name: Care administration, type: administration, code: actor.home_care, administration: care}
          - {id: social, name: Social services, type: administration, code: actor.social, administration: social}
          - {id: family, name: Relatives, type: resident-group, code: actor.relatives}
          - {id: lab, name: University lab, type: research}
        relations:
          - {from: care, to: social, type: refers-to, note: assessments}
        """

    static let participants = TemporaryWorkspace.participants + """

          - id: R16
            role: resident
            administrations: [care]
            consents: [{id: c-r16, date: 2000-01-01, scopes: [interview]}]
        """

    static func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace(participants: participants, codebook: codebook)
        try workspace.write("codebooks/solutions.yaml", TelemetryFixture.solutions)
        try workspace.write("corpus/actors.yaml", actors)
        try workspace.write("corpus/interviews/int-014.md", TemporaryWorkspace.interview(participants: "[R14, R16]", body: """
            **R14:** Hemtjänsten och socialsekreteraren pratar aldrig med varandra, och jag är rädd på natten.

            **R16:** Min dotter ringer hemtjänsten när jag är rädd på natten.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "Hemtjänsten", code: "actor.home_care")
        _ = try await workspace.code("int-014", quote: "socialsekreteraren", code: "actor.social")
        _ = try await workspace.code("int-014", quote: "jag är rädd på natten", code: "need.safety.night")
        _ = try await workspace.code("int-014", quote: "Min dotter", code: "actor.relatives")
        _ = try await workspace.code("int-014", quote: "ringer hemtjänsten", code: "actor.home_care")
        _ = try await workspace.code("int-014", quote: "när jag är rädd på natten", code: "need.safety.night")
        return workspace
    }

    func service(_ workspace: TemporaryWorkspace) -> ActorMapService {
        ActorMapService(workspace: workspace.context.workspace, store: workspace.store)
    }

    @Test func derivesCoOccurrenceInvolvementAndSharedNeedSolutions() async throws {
        let workspace = try await Self.workspace()
        let solution = try #require(SolutionCatalogue.load(workspace.context.workspace).solutions.first)
        _ = try await workspace.context.needLinks.link(need: "need.safety.night", solution: solution.id,
                                                       rationale: "check at night", coder: "anna")
        let graph = try await service(workspace).graph()
        func edge(_ from: String, _ to: String) -> ActorGraph.Edge? { graph.edges.first { $0.from == from && $0.to == to } }
        #expect(edge("care", "social")?.kind == .declared(.refersTo))
        #expect(edge("care", "social")?.evidence == nil)
        // Each pair shares exactly one segment.
        #expect(graph.edges.contains { $0.kind == .coOccurs && $0.from == "care" && $0.to == "social" && $0.evidence == 1 })
        #expect(graph.edges.contains { $0.kind == .coOccurs && $0.from == "care" && $0.to == "family" && $0.evidence == 1 })
        #expect(!graph.edges.contains { $0.kind == .coOccurs && $0.from == "family" && $0.to == "social" })
        // R14 (social, care) and R16 (care) voiced the need.
        #expect(edge("care", "need:need.safety.night")?.evidence == 2)
        #expect(edge("social", "need:need.safety.night")?.evidence == 1)
        #expect(edge("solution:\(solution.id)", "need:need.safety.night")?.kind == .serves)
        #expect(graph.nodes.contains { $0.id == "lab" }, "an isolated declared actor is still on the full map")

        let strong = try await service(workspace).graph(options: .init(minEvidence: 2))
        #expect(strong.edges.filter { !$0.kind.isDeclared }.allSatisfy { ($0.evidence ?? 0) >= 2 })
        #expect(strong.edges.contains { $0.from == "care" && $0.to == "need:need.safety.night" })

        let night = try await service(workspace).graph(options: .init(needID: "need.safety"))
        #expect(night.nodes.map(\.id).contains("need:need.safety"))
        #expect(!night.nodes.contains { $0.id == "lab" }, "with a need filter only connected actors are shown")
    }

    @Test func problemsInActorsYAMLNameFileAndLine() async throws {
        let workspace = try await TemporaryWorkspace(codebook: Self.codebook)
        try await workspace.ingest()
        try workspace.write("corpus/actors.yaml", """
            actors:
              - {id: care, name: Care, type: administration, administration: care}
              - {id: care, name: Again, type: company}
              - {id: x, name: X, type: ministry, colour: red}
              - {id: y, name: Y, type: company, code: need.safety}
              - {id: z, name: Z, type: company, code: actor.nope}
            relations:
              - {from: care, to: ghost, type: funds}
              - {from: care, to: y, type: bribes}
            """)
        let error = await #expect(throws: SourceProblems.self) { try await service(workspace).catalogue() }
        let messages = error?.problems.map(\.description) ?? []
        #expect(messages.contains("corpus/actors.yaml:3: actor 'care' is listed twice (first on line 2)"))
        #expect(messages.contains { $0.hasPrefix("corpus/actors.yaml:4: unknown actor type 'ministry'") })
        #expect(messages.contains { $0.hasPrefix("corpus/actors.yaml:4: unknown key 'colour'") })
        #expect(messages.contains("corpus/actors.yaml:5: code 'need.safety' is not of kind actor"))
        #expect(messages.contains("corpus/actors.yaml:6: unknown code 'actor.nope'"))
        #expect(messages.contains("corpus/actors.yaml:8: relation 'to' names unknown actor 'ghost'"))
        #expect(messages.contains { $0.hasPrefix("corpus/actors.yaml:9: unknown relation type 'bribes'") })
    }

    @Test func theSampleActorsFileIsValid() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let workspace = try await TemporaryWorkspace(codebook: String(decoding: try Data(contentsOf: repository.appending(path: "codebooks/fieldwork.yaml")), as: UTF8.self))
        try workspace.write("corpus/actors.yaml", bytes: try Data(contentsOf: repository.appending(path: "corpus/actors.yaml")))
        try await workspace.ingest()
        let catalogue = try await service(workspace).catalogue()
        #expect(catalogue.actors.count >= 10)
        #expect(Set(catalogue.actors.map(\.kind)) == Set(Actor.Kind.allCases))
    }

    /// A third turn naming actors actors.yaml lacks, with a barrier and the night-time need.
    static func namingWorkspace() async throws -> TemporaryWorkspace {
        let workspace = try await Self.workspace()
        let path = "corpus/interviews/int-015.md"
        try workspace.write(path, TemporaryWorkspace.interview(id: "int-015", participants: "[R14]", body: """
            **R14:** Banken kräver BankID och hyresvärden byter inte låset, det kostar för mycket, så jag sover dåligt.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-015", quote: "BankID", code: "actor.bank")
        _ = try await workspace.code("int-015", quote: "hyresvärden", code: "actor.landlord")
        _ = try await workspace.code("int-015", quote: "det kostar för mycket", code: "barrier.cost")
        _ = try await workspace.code("int-015", quote: "jag sover dåligt", code: "need.safety.night")
        return workspace
    }

    static let namingCases: [(String, ActorGraphBuilder.Options, present: [String], absent: [String], edges: [String])] = [
        ("whole map: the named actors are proposed, barriers only on request", .init(),
         ["proposed:actor.bank", "proposed:actor.landlord", "lab"], ["barrier:barrier.cost"],
         ["proposed:actor.bank named-with need:need.safety.night 1", "proposed:actor.bank named-with proposed:actor.landlord 1"]),
        ("barriers and preconditions as nodes", .init(barriersAndPreconditions: true),
         ["barrier:barrier.cost", "proposed:actor.bank"], [],
         ["barrier:barrier.cost named-with need:need.safety.night 1", "barrier:barrier.cost named-with proposed:actor.bank 1"]),
        ("one need: its administrations, actors and named actors, nothing unrelated", .init(needID: "need.safety.night"),
         ["need:need.safety.night", "care", "social", "family", "proposed:actor.bank"], ["lab"],
         ["care involved-in need:need.safety.night 2", "care refers-to social"]),
        ("one administration: its relations and needs", .init(actorID: "social"),
         ["social", "care", "need:need.safety.night"], ["family", "lab", "proposed:actor.bank"],
         ["social involved-in need:need.safety.night 1"]),
        ("administrations × needs", .init(view: .bipartite),
         ["care", "social", "need:need.safety.night"], ["family", "lab", "proposed:actor.bank"],
         ["care involved-in need:need.safety.night 2"]),
    ]

    @Test(arguments: namingCases)
    func proposedActorsBarriersAndFocusedViews(_ name: String, _ options: ActorGraphBuilder.Options,
                                               present: [String], absent: [String], edges: [String]) async throws {
        let workspace = try await Self.namingWorkspace()
        let graph = try await service(workspace).graph(options: options)
        let ids = Set(graph.nodes.map(\.id))
        for id in present { #expect(ids.contains(id), "\(name): \(id) is on the map") }
        for id in absent { #expect(!ids.contains(id), "\(name): \(id) is not") }
        let described = Set(graph.edges.map { "\($0.from) \($0.kind.name) \($0.to)" + ($0.evidence.map { " \($0)" } ?? "") })
        for edge in edges { #expect(described.contains(edge), "\(name): \(edge) in \(described.sorted())") }
        #expect(graph.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
        #expect(graph.nodes.first { $0.id == "proposed:actor.bank" }.map { $0.kind == .proposedActor && $0.label == "BankID (the banks)" } ?? true)
    }

    @Test func onlyAnAdministrationCanBeTheFocus() async throws {
        let workspace = try await Self.workspace()
        let error = await #expect(throws: ActorMapError.self) { try await service(workspace).graph(options: .init(actorID: "family")) }
        #expect(error?.description == "'family' is not an actor of type administration in corpus/actors.yaml")
    }
}
