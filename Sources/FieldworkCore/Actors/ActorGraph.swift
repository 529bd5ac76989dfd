/// The actor map as a graph: actors, needs and solutions as nodes, declared and evidence
/// relations as edges. Pure data; `ActorGraphBuilder` derives it, `DOTWriter` draws it.
public struct ActorGraph: Sendable, Hashable {
    public enum NodeKind: Sendable, Hashable {
        case actor(Actor.Kind)
        case need
        case solution

        /// One cluster per node kind, so every node sits in exactly one cluster.
        public var clusterName: String {
            switch self {
            case .actor(let kind): kind.rawValue
            case .need: "need"
            case .solution: "solution"
            }
        }

        public var displayName: String {
            switch self {
            case .actor(let kind): kind.displayName
            case .need: "Need"
            case .solution: "IoT solution"
            }
        }

        public static var allCases: [NodeKind] { Actor.Kind.allCases.map(NodeKind.actor) + [.need, .solution] }
    }

    public struct Node: Sendable, Hashable {
        public var id: String
        public var label: String
        public var kind: NodeKind
        public var description: String?
        public var tags: [String]

        public init(id: String, label: String, kind: NodeKind, description: String? = nil, tags: [String] = []) {
            self.id = id
            self.label = label
            self.kind = kind
            self.description = description
            self.tags = tags
        }
    }

    public enum EdgeKind: Sendable, Hashable {
        case declared(DeclaredRelation.Kind)
        /// Both actors' codes applied in the same segments; evidence counts the segments.
        case coOccurs
        /// An administration supports participants who voiced the need; evidence counts them.
        case involvedIn
        /// A linked solution serving a need several administrations share; evidence counts them.
        case serves

        public var name: String {
            switch self {
            case .declared(let kind): kind.rawValue
            case .coOccurs: "co-occurs"
            case .involvedIn: "involved-in"
            case .serves: "serves"
            }
        }

        public var isDeclared: Bool {
            if case .declared = self { return true }
            return false
        }
    }

    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: EdgeKind
        /// How many pieces of evidence support it; nil for a declared relation.
        public var evidence: Int?
        public var note: String?

        public init(from: String, to: String, kind: EdgeKind, evidence: Int? = nil, note: String? = nil) {
            self.from = from
            self.to = to
            self.kind = kind
            self.evidence = evidence
            self.note = note
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}
