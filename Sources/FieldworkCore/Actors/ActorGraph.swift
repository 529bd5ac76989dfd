/// The actor map as a graph: actors, needs and solutions as nodes, declared and evidence
/// relations as edges. Pure data; `ActorGraphBuilder` derives it, `DOTWriter` draws it.
public struct ActorGraph: Sendable, Hashable {
    public enum NodeKind: Sendable, Hashable {
        case actor(Actor.Kind)
        /// An organisation the residents name (an `actor` code no declared actor claims): proposed
        /// for `corpus/actors.yaml`, drawn so the lab sees who is missing from the declared map.
        case proposedActor
        case need
        case barrier
        case precondition
        case solution

        /// One cluster per node kind, so every node sits in exactly one cluster.
        public var clusterName: String {
            switch self {
            case .actor(let kind): kind.rawValue
            case .proposedActor: "proposed"
            case .need: "need"
            case .barrier: "barrier"
            case .precondition: "precondition"
            case .solution: "solution"
            }
        }

        public var displayName: String {
            switch self {
            case .actor(let kind): kind.displayName
            case .proposedActor: "Named by residents (proposed)"
            case .need: "Need"
            case .barrier: "Barrier"
            case .precondition: "Precondition"
            case .solution: "IoT solution"
            }
        }

        public var isActor: Bool {
            switch self {
            case .actor, .proposedActor: true
            default: false
            }
        }

        public static var allCases: [NodeKind] {
            Actor.Kind.allCases.map(NodeKind.actor) + [.proposedActor, .need, .barrier, .precondition, .solution]
        }
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
        /// A proposed actor, barrier or precondition coded in the same segments as a need or an
        /// actor; evidence counts the segments.
        case namedWith

        public var name: String {
            switch self {
            case .declared(let kind): kind.rawValue
            case .coOccurs: "co-occurs"
            case .involvedIn: "involved-in"
            case .serves: "serves"
            case .namedWith: "named-with"
            }
        }

        public var isDeclared: Bool {
            if case .declared = self { return true }
            return false
        }

        /// Co-occurrence has no direction: its ends are kept in id order.
        public var isSymmetric: Bool { self == .coOccurs }

        /// Drawn without an arrowhead: things coded in the same segments (a `named-with` edge
        /// keeps the proposed actor, barrier or precondition as its `from`, but points nowhere).
        public var isDirected: Bool { self != .coOccurs && self != .namedWith }

        /// What an edge of this kind means, for the legend and the key.
        public var meaning: String {
            switch self {
            case .declared: "declared relation"
            case .coOccurs: "co-occur in segments"
            case .involvedIn: "administration of a need's residents"
            case .serves: "solution for a shared need"
            case .namedWith: "named in the same segments"
            }
        }

        /// `3 residents`, `1 resident`: the evidence count with its unit.
        public func counted(_ count: Int) -> String { "\(count) " + (count == 1 ? String(unit.dropLast()) : unit) }

        /// The unit of the evidence count (plural; also the key of its message).
        public var unit: String {
            switch self {
            case .declared: "declarations"
            case .coOccurs, .namedWith: "segments"
            case .involvedIn: "residents"
            case .serves: "administrations"
            }
        }
    }

    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var kind: EdgeKind
        /// How many pieces of evidence support it; nil for a declared relation.
        public var evidence: Int?
        /// A declared relation's note (merged edges keep every distinct note, joined by "; ").
        public var note: String?
        /// A `serves` edge's need–solution link status: kept typed rather than as note text, so a
        /// map drawn in Swedish can say it in Swedish ("piloted" stood in the Swedish key).
        public var linkStatus: NeedSolutionLink.Status?

        public init(from: String, to: String, kind: EdgeKind, evidence: Int? = nil, note: String? = nil,
                    linkStatus: NeedSolutionLink.Status? = nil) {
            self.from = from
            self.to = to
            self.kind = kind
            self.evidence = evidence
            self.note = note
            self.linkStatus = linkStatus
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    public init(nodes: [Node], edges: [Edge]) {
        self.nodes = nodes
        self.edges = edges
    }
}
