/// Administrations × needs: how many of the residents who raised each need each administration
/// supports — the `involved-in` edges of the map as a table (rows administrations, columns needs).
public struct AdministrationNeedTable: Sendable, Hashable {
    public var administrations: [ActorGraph.Node]
    public var needs: [ActorGraph.Node]
    /// `counts[administration id][need node id]`; a missing cell is no resident.
    public var counts: [String: [String: Int]]

    public init(_ graph: ActorGraph) {
        let view = ActorGraphFocus.administrationsByNeeds(graph)
        administrations = view.nodes.filter { $0.kind == .actor(.administration) }
        needs = view.nodes.filter { $0.kind == .need }
        var counts: [String: [String: Int]] = [:]
        for edge in view.edges { counts[edge.from, default: [:]][edge.to] = edge.evidence }
        self.counts = counts
    }

    public func count(_ administration: String, _ need: String) -> Int { counts[administration]?[need] ?? 0 }

    /// The table as CSV rows (header first), for `export actor-map --format csv`.
    public var rows: [[String]] {
        [["administration"] + needs.map(\.label)]
            + administrations.map { row in [row.label] + needs.map { String(count(row.id, $0.id)) } }
    }
}
