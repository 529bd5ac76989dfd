@testable import FieldworkCore
import Testing

@Suite struct ActorGraphFocusTests {
    /// Three administrations, a resident group, two unrelated actors, two needs, a solution and an
    /// actor the residents name.
    static let graph = ActorGraph(
        nodes: [
            .init(id: "care", label: "Care", kind: .actor(.administration)),
            .init(id: "social", label: "Social", kind: .actor(.administration)),
            .init(id: "labour", label: "Labour", kind: .actor(.administration)),
            .init(id: "family", label: "Relatives", kind: .actor(.residentGroup)),
            .init(id: "lab", label: "Lab", kind: .actor(.research)),
            .init(id: "vendor", label: "Vendor", kind: .actor(.company)),
            .init(id: "proposed:actor.bankid", label: "BankID", kind: .proposedActor),
            .init(id: "need:night", label: "Night", kind: .need),
            .init(id: "need:contact", label: "Contact", kind: .need),
            .init(id: "solution:sensor", label: "Sensor", kind: .solution),
        ],
        edges: [
            .init(from: "care", to: "social", kind: .declared(.refersTo), note: "assessments"),
            .init(from: "lab", to: "vendor", kind: .declared(.informs)),
            .init(from: "care", to: "vendor", kind: .declared(.funds)),
            .init(from: "care", to: "family", kind: .coOccurs, evidence: 1),
            .init(from: "care", to: "need:night", kind: .involvedIn, evidence: 2),
            .init(from: "social", to: "need:night", kind: .involvedIn, evidence: 1),
            .init(from: "labour", to: "need:contact", kind: .involvedIn, evidence: 1),
            .init(from: "solution:sensor", to: "need:night", kind: .serves, evidence: 2),
            .init(from: "proposed:actor.bankid", to: "need:contact", kind: .namedWith, evidence: 1),
        ])

    enum Focus: Sendable, CustomStringConvertible {
        case need(String), actor(String), bipartite

        var description: String {
            switch self {
            case .need(let id): "need \(id)"
            case .actor(let id): "actor \(id)"
            case .bipartite: "administrations × needs"
            }
        }
    }

    static let cases: [(Focus, nodes: Set<String>, edges: Int)] = [
        // The need, its administrations and solution, the actors coded in its segments; the
        // declared care → social relation stays (both kept), care → vendor does not (vendor is unrelated).
        (.need("need:night"), ["need:night", "care", "social", "solution:sensor", "family"], 5),
        // Not the other need's administrations, nor actors named beside another need.
        (.need("need:contact"), ["need:contact", "labour", "proposed:actor.bankid", "care", "family"], 3),
        // The administration, its own relations (declared and derived) and the solutions for its needs.
        (.actor("care"), ["care", "social", "vendor", "family", "need:night", "solution:sensor"], 5),
        (.actor("labour"), ["labour", "need:contact"], 1),
        // Every administration (with or without a need) and the needs, only involved-in edges.
        (.bipartite, ["care", "social", "labour", "need:night", "need:contact"], 3),
    ]

    @Test(arguments: cases)
    func keepsOnlyWhatIsConnected(_ focus: Focus, nodes: Set<String>, edges: Int) {
        let focused: ActorGraph = switch focus {
        case .need(let id): ActorGraphFocus.need(Self.graph, nodeID: id)
        case .actor(let id): ActorGraphFocus.actor(Self.graph, id: id)
        case .bipartite: ActorGraphFocus.administrationsByNeeds(Self.graph)
        }
        #expect(Set(focused.nodes.map(\.id)) == nodes)
        #expect(focused.edges.count == edges)
        let kept = Set(focused.nodes.map(\.id))
        #expect(focused.edges.allSatisfy { kept.contains($0.from) && kept.contains($0.to) })
        if case .bipartite = focus { #expect(focused.edges.allSatisfy { $0.kind == .involvedIn }) }
    }

    @Test func theTableCountsResidentsPerAdministrationAndNeed() {
        let table = AdministrationNeedTable(Self.graph)
        #expect(table.administrations.map(\.id) == ["care", "social", "labour"])
        #expect(table.needs.map(\.id) == ["need:night", "need:contact"])
        #expect(table.rows == [["administration", "Night", "Contact"], ["Care", "2", "0"], ["Social", "1", "0"], ["Labour", "0", "1"]])
    }
}
