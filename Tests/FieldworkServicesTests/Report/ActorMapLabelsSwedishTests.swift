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
        #expect(labels.key == "Nyckel till de numrerade linjerna")
        #expect(ReportTexts.english.actorMapLabels.key == "Key to the numbered lines")
    }
}
