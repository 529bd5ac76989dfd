@testable import FieldworkCore
import Testing

@Suite struct ActorGraphAggregationTests {
    typealias Edge = ActorGraph.Edge

    static let cases: [(String, [Edge], [Edge])] = [
        ("a relation declared twice keeps both notes, no count",
         [Edge(from: "a", to: "b", kind: .declared(.funds), note: "alarms"), Edge(from: "a", to: "b", kind: .declared(.funds), note: "locks")],
         [Edge(from: "a", to: "b", kind: .declared(.funds), note: "alarms; locks")]),
        ("the same note twice is kept once",
         [Edge(from: "a", to: "b", kind: .declared(.funds), note: "alarms"), Edge(from: "a", to: "b", kind: .declared(.funds), note: "alarms")],
         [Edge(from: "a", to: "b", kind: .declared(.funds), note: "alarms")]),
        ("co-occurrence has no direction: both orders are one edge, evidence added",
         [Edge(from: "b", to: "a", kind: .coOccurs, evidence: 2), Edge(from: "a", to: "b", kind: .coOccurs, evidence: 1)],
         [Edge(from: "a", to: "b", kind: .coOccurs, evidence: 3)]),
        ("parallel evidence edges add up",
         [Edge(from: "care", to: "need:x", kind: .involvedIn, evidence: 1), Edge(from: "care", to: "need:x", kind: .involvedIn, evidence: 2)],
         [Edge(from: "care", to: "need:x", kind: .involvedIn, evidence: 3)]),
        ("different relations between one pair stay apart, in order",
         [Edge(from: "a", to: "b", kind: .declared(.informs)), Edge(from: "a", to: "b", kind: .coOccurs, evidence: 1),
          Edge(from: "a", to: "b", kind: .declared(.funds))],
         [Edge(from: "a", to: "b", kind: .declared(.informs)), Edge(from: "a", to: "b", kind: .coOccurs, evidence: 1),
          Edge(from: "a", to: "b", kind: .declared(.funds))]),
        ("a directed relation keeps its direction",
         [Edge(from: "b", to: "a", kind: .declared(.funds)), Edge(from: "a", to: "b", kind: .declared(.funds))],
         [Edge(from: "b", to: "a", kind: .declared(.funds)), Edge(from: "a", to: "b", kind: .declared(.funds))]),
    ]

    @Test(arguments: cases)
    func oneEdgePerPairAndRelation(_ name: String, _ edges: [Edge], _ expected: [Edge]) {
        #expect(ActorGraphAggregation.merged(edges) == expected, "\(name)")
    }

    @Test func theKeyNumbersEveryEdgeAndNamesItsEnds() {
        let graph = ActorGraph(
            nodes: [.init(id: "care", label: "Care", kind: .actor(.administration)), .init(id: "need:x", label: "Night", kind: .need),
                    .init(id: "family", label: "Relatives", kind: .actor(.residentGroup))],
            edges: [Edge(from: "care", to: "need:x", kind: .involvedIn, evidence: 1),
                    Edge(from: "care", to: "family", kind: .coOccurs, evidence: 4),
                    Edge(from: "family", to: "care", kind: .declared(.informs), note: "weekly calls"),
                    Edge(from: "care", to: "family", kind: .declared(.providesDataTo))])
        #expect(ActorMapKey(graph).entries.map { $0.text() } == [
            "Care → Night: involved-in, 1 resident", "Care — Relatives: co-occurs, 4 segments",
            "Relatives → Care: informs (weekly calls)", "Care → Relatives: provides data to",
        ])
        #expect(ActorMapKey(graph).entries.map(\.number) == [1, 2, 3, 4])
        // In the words a map is drawn with: a declared relation and every count in them.
        var labels = ActorMapLabels()
        labels.relation = { kind in kind.isDeclared ? "RELATION" : kind.name.uppercased() }
        labels.evidence = { kind, count in "\(count) × \(kind.unit)" }
        #expect(ActorMapKey(graph).entries.map { $0.text(labels) } == [
            "Care → Night: INVOLVED-IN, 1 × residents", "Care — Relatives: CO-OCCURS, 4 × segments",
            "Relatives → Care: RELATION (weekly calls)", "Care → Relatives: RELATION",
        ])
    }

    @Test func kumuConnectionsKeepTheNotesOfDeclaredRelations() {
        let graph = ActorGraph(
            nodes: [.init(id: "care", label: "Care", kind: .actor(.administration)), .init(id: "vendor", label: "Vendor", kind: .actor(.company))],
            edges: [Edge(from: "care", to: "vendor", kind: .declared(.funds), note: "Framework agreement")])
        #expect(ActorMapJSON(graph).connections.map(\.description) == ["Framework agreement"])
    }
}
