/// One edge per pair of nodes and kind of relation: parallel edges (the same relation declared
/// twice, the same evidence found along two paths) are merged, their evidence added up and their
/// distinct notes kept, so the map never draws two lines that say the same thing.
public enum ActorGraphAggregation {
    private struct Key: Hashable {
        let from: String
        let to: String
        let kind: ActorGraph.EdgeKind
    }

    /// The edges in the order of their first appearance; a symmetric kind's ends in id order.
    public static func merged(_ edges: [ActorGraph.Edge]) -> [ActorGraph.Edge] {
        var order: [Key] = []
        var merged: [Key: ActorGraph.Edge] = [:]
        var notes: [Key: [String]] = [:]
        for var edge in edges {
            if edge.kind.isSymmetric, edge.to < edge.from { swap(&edge.from, &edge.to) }
            let key = Key(from: edge.from, to: edge.to, kind: edge.kind)
            if let note = edge.note, !note.isEmpty, notes[key]?.contains(note) != true { notes[key, default: []].append(note) }
            guard var existing = merged[key] else {
                order.append(key)
                merged[key] = edge
                continue
            }
            if let evidence = edge.evidence { existing.evidence = (existing.evidence ?? 0) + evidence }
            existing.note = notes[key]?.joined(separator: "; ")
            merged[key] = existing
        }
        return order.compactMap { merged[$0] }
    }
}
