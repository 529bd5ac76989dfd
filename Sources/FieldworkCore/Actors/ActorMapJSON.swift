/// The actor map in the shape Kumu imports: elements and connections, which Kumu matches by label.
public struct ActorMapJSON: Sendable, Hashable, Codable {
    public struct Element: Sendable, Hashable, Codable {
        public var label: String
        public var type: String
        public var description: String
        public var tags: [String]
    }

    public struct Connection: Sendable, Hashable, Codable {
        public var from: String
        public var to: String
        public var type: String
        /// The evidence count; 1 for a declared relation.
        public var strength: Int
        /// A declared relation's note (Kumu shows a connection's description); empty otherwise.
        public var description: String
    }

    public var elements: [Element]
    public var connections: [Connection]

    public init(_ graph: ActorGraph) {
        let labels = Dictionary(graph.nodes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        elements = graph.nodes.map {
            Element(label: $0.label, type: $0.kind.displayName, description: $0.description ?? "", tags: $0.tags)
        }
        connections = graph.edges.map {
            Connection(from: labels[$0.from] ?? $0.from, to: labels[$0.to] ?? $0.to, type: $0.kind.name,
                       strength: $0.evidence ?? 1, description: $0.note ?? $0.linkStatus?.rawValue ?? "")
        }
    }
}
