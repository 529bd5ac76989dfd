import FieldworkCore
@testable import FieldworkServices
import Testing

/// The Swedish report draws its actor map in Swedish: every cluster and every evidence relation
/// has its Swedish words (the English ones showed in the Swedish report's figure).
@Suite struct ActorMapLabelsSwedishTests {
    @Test func everyClusterAndEvidenceRelationIsNamedInSwedish() {
        let labels = ReportTexts.swedish.actorMapLabels
        let kinds: [ActorGraph.NodeKind] = Actor.Kind.allCases.map { .actor($0) } + [.proposedActor, .need, .barrier, .precondition, .solution]
        for kind in kinds {
            #expect(labels.nodeKind(kind) != kind.displayName, "\(kind.clusterName)")
        }
        for edge: ActorGraph.EdgeKind in [.coOccurs, .involvedIn, .serves, .namedWith] {
            #expect(labels.edgeKind(edge) != ActorMapLabels.english.edgeKind(edge), "\(edge.name)")
        }
        // The key's words: every declared relation, and each evidence count with its Swedish unit.
        for relation in DeclaredRelation.Kind.allCases {
            #expect(labels.relation(.declared(relation)) != ActorMapLabels.english.relation(.declared(relation)), "\(relation)")
        }
        #expect(labels.relation(.declared(.providesDataTo)) == "lämnar data till")
        #expect(ActorMapLabels.english.relation(.declared(.providesDataTo)) == "provides data to")
        #expect(labels.relation(.involvedIn) == "berörs" && ActorMapLabels.english.relation(.involvedIn) == "involved-in")
        #expect(labels.edgeKind(.coOccurs) == "samförekommer: förekommer i samma segment")
        #expect([labels.evidence(.involvedIn, 1), labels.evidence(.serves, 2), labels.evidence(.coOccurs, 3)]
            == ["1 invånare", "2 förvaltningar", "3 segment"])
        #expect(ActorMapLabels.english.evidence(.serves, 1) == "1 administration")
        #expect(labels.key == "Nyckel till de numrerade linjerna")
        #expect(ReportTexts.english.actorMapLabels.key == "Key to the numbered lines")
    }
}
