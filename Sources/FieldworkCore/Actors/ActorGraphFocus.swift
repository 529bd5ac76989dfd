/// The focused views of the actor map: one need, one actor (an administration), and
/// administrations × needs. Each keeps a subset of the nodes and only the edges between them,
/// so nothing unrelated to the focus stays on the map.
public enum ActorGraphFocus {
    /// The need, everything with an evidence edge to it, and the actors coded in its segments
    /// (the builder derives co-occurrence and `named-with` edges from those segments only when a
    /// need is asked for). Declared relations stay only between the nodes kept.
    public static func need(_ graph: ActorGraph, nodeID: String) -> ActorGraph {
        let otherNeeds = Set(graph.nodes.filter { $0.kind == .need && $0.id != nodeID }.map(\.id))
        var keep: Set<String> = [nodeID]
        for edge in graph.edges where !edge.kind.isDeclared {
            let inSegments = (edge.kind == .coOccurs || edge.kind == .namedWith)
                && !otherNeeds.contains(edge.from) && !otherNeeds.contains(edge.to)
            if edge.from == nodeID || edge.to == nodeID || inSegments { keep.formUnion([edge.from, edge.to]) }
        }
        return restricted(graph, to: keep, edges: graph.edges)
    }

    /// The actor, its own relations (declared and derived), and the solutions serving the needs
    /// it is involved in; other actors' relations among those nodes are left out.
    public static func actor(_ graph: ActorGraph, id: String) -> ActorGraph {
        let own = graph.edges.filter { $0.from == id || $0.to == id }
        let needs = Set(own.filter { $0.kind == .involvedIn }.map(\.to))
        let serving = graph.edges.filter { $0.kind == .serves && needs.contains($0.to) }
        let keep = Set([id] + (own + serving).flatMap { [$0.from, $0.to] })
        return restricted(graph, to: keep, edges: own + serving)
    }

    /// Administrations and the needs of the residents they support, with only `involved-in`
    /// edges: the bipartite view (and the table `AdministrationNeedTable` reads).
    public static func administrationsByNeeds(_ graph: ActorGraph) -> ActorGraph {
        let edges = graph.edges.filter { $0.kind == .involvedIn }
        let keep = Set(graph.nodes.filter { $0.kind == .actor(.administration) }.map(\.id) + edges.map(\.to))
        return restricted(graph, to: keep, edges: edges)
    }

    private static func restricted(_ graph: ActorGraph, to keep: Set<String>, edges: [ActorGraph.Edge]) -> ActorGraph {
        ActorGraph(nodes: graph.nodes.filter { keep.contains($0.id) },
                   edges: edges.filter { keep.contains($0.from) && keep.contains($0.to) })
    }
}
