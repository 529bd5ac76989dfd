/// The numbered key of an actor map: every edge gets a number, drawn on its line (so a label
/// can always be matched to its line) and explained here — which nodes, which relation, how
/// much evidence, the declared note. DOT draws it beside the map; the Actors page shows it as a
/// table (the map's text alternative).
public struct ActorMapKey: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var number: Int
        public var from: String
        public var to: String
        public var kind: ActorGraph.EdgeKind
        public var evidence: Int?
        /// The declared relation's note; `linkStatus` for a `serves` line.
        public var note: String?
        public var linkStatus: NeedSolutionLink.Status?

        /// The note column in the words of `labels`: the declared note, else the link status.
        public func noteText(_ labels: ActorMapLabels = .english) -> String? {
            note ?? linkStatus.map(labels.linkStatus)
        }

        /// `Care → Night safety: involved-in, 3 residents (note)`, in the words of `labels`.
        public func text(_ labels: ActorMapLabels = .english) -> String {
            let arrow = kind.isDirected ? " → " : " — "
            var text = from + arrow + to + ": " + labels.relation(kind)
            if let evidence { text += ", " + labels.evidence(kind, evidence) }
            if let note = noteText(labels) { text += " (\(note))" }
            return text
        }
    }

    public var entries: [Entry]

    /// Entry `n` describes `graph.edges[n - 1]`.
    public init(_ graph: ActorGraph) {
        let labels = Dictionary(graph.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        entries = graph.edges.enumerated().map { index, edge in
            Entry(number: index + 1, from: labels[edge.from] ?? edge.from, to: labels[edge.to] ?? edge.to,
                  kind: edge.kind, evidence: edge.evidence, note: edge.note, linkStatus: edge.linkStatus)
        }
    }
}
