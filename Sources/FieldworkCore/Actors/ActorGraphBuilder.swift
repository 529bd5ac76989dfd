/// Derives the actor map from declared actors and the coded material.
///
/// Evidence edges: actors whose codes are applied in the same segment (co-occurrence),
/// administrations supporting the participants who voiced a need, and linked solutions serving
/// a need that two or more administrations share — the mission's point: one solution, many
/// administrations.
public enum ActorGraphBuilder {
    public struct Options: Sendable, Hashable {
        public enum View: String, Sendable, Hashable, CaseIterable {
            /// Every kind of node, clustered by kind.
            case map
            /// Only administrations and the needs of the residents they support: two columns.
            case bipartite
        }

        /// Only this need, with the evidence of the needs below it, and the actors connected to it.
        public var needID: String?
        /// Only this actor (an administration, usually), its relations and the needs it is involved in.
        public var actorID: String?
        /// Evidence edges with fewer pieces of evidence are left out; declared relations stay.
        public var minEvidence: Int
        /// Barriers and preconditions as nodes, linked to the needs and actors coded beside them.
        public var barriersAndPreconditions: Bool
        public var view: View
        /// Codes and solutions named in this language where they have a translation (`sv`, `en`);
        /// nil: as their files name them first.
        public var language: String?

        public init(needID: String? = nil, actorID: String? = nil, minEvidence: Int = 1,
                    barriersAndPreconditions: Bool = false, view: View = .map, language: String? = nil) {
            self.needID = needID
            self.actorID = actorID
            self.minEvidence = minEvidence
            self.barriersAndPreconditions = barriersAndPreconditions
            self.view = view
            self.language = language
        }
    }

    public static func build(
        catalogue: ActorCatalogue, codebook: Codebook, passages: [CodedPassage], participants: [Participant],
        needs: [NeedEvidence], solutions: [Solution], options: Options = Options()
    ) -> ActorGraph {
        // A need's evidence already counts the needs below it, so the map shows either the one
        // need asked for, or the needs coded directly — never a parent beside its children twice.
        let directlyCoded = Set(passages.map(\.coding.codeID))
        let scopedNeeds = needs.filter { evidence in
            options.needID.map { $0 == evidence.need.id } ?? directlyCoded.contains(evidence.need.id)
        }
        var edges = catalogue.relations.map {
            ActorGraph.Edge(from: $0.from, to: $0.to, kind: .declared($0.kind), note: $0.note)
        }
        edges += coOccurrences(catalogue: catalogue, codebook: codebook, passages: passages, needID: options.needID)
        edges += involvement(catalogue: catalogue, needs: scopedNeeds, participants: participants)
        edges += services(needs: scopedNeeds)
        let named = NamedInSegments.derive(catalogue: catalogue, codebook: codebook, passages: passages,
                                           participants: participants, needID: options.needID,
                                           needNodes: Set(scopedNeeds.map { nodeID(need: $0.need.id) }),
                                           barriersAndPreconditions: options.barriersAndPreconditions)
        edges += named.edges
        edges = ActorGraphAggregation.merged(edges).filter { $0.evidence.map { $0 >= options.minEvidence } ?? true }

        let touched = Set(edges.flatMap { [$0.from, $0.to] })
        // Every declared actor (and every actor the residents name) is shown, even an isolated
        // one; needs, solutions and barriers appear only through an edge, else the map drowns in
        // unconnected nodes. The focused views below keep only what is connected.
        let actors = catalogue.actors.map {
            ActorGraph.Node(id: $0.id, label: $0.name, kind: .actor($0.kind), description: $0.notes,
                            tags: [$0.kind.rawValue, $0.sector].compactMap { $0 })
        }
        let needNodes = scopedNeeds.filter { touched.contains(nodeID(need: $0.need.id)) }.map {
            ActorGraph.Node(id: nodeID(need: $0.need.id), label: $0.need.name, kind: .need,
                            description: $0.need.description, tags: ["need"])
        }
        let catalogueByID = Dictionary(solutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let solutionIDs = Set(edges.filter { $0.kind == .serves }.map(\.from))
        let solutionNodes = solutionIDs.sorted().map { id in
            let solution = catalogueByID[String(id.dropFirst(solutionPrefix.count))]
            return ActorGraph.Node(id: id, label: solution?.name ?? String(id.dropFirst(solutionPrefix.count)),
                                   kind: .solution, description: solution?.description, tags: ["solution"])
        }
        let namedNodes = named.nodes.filter { $0.kind == .proposedActor || touched.contains($0.id) }
        let nodes = actors + namedNodes + needNodes + solutionNodes
        let known = Set(nodes.map(\.id))
        var graph = ActorGraph(nodes: nodes, edges: edges.filter { known.contains($0.from) && known.contains($0.to) })
        if let needID = options.needID { graph = ActorGraphFocus.need(graph, nodeID: nodeID(need: needID)) }
        if let actorID = options.actorID { graph = ActorGraphFocus.actor(graph, id: actorID) }
        if options.view == .bipartite { graph = ActorGraphFocus.administrationsByNeeds(graph) }
        return graph
    }

    static let needPrefix = "need:"
    static let solutionPrefix = "solution:"
    /// Needs and solutions live in the same id space as actors in the map, so they are prefixed.
    public static func nodeID(need id: String) -> String { needPrefix + id }
    public static func nodeID(solution id: String) -> String { solutionPrefix + id }

    private struct SegmentKey: Hashable {
        let document: String
        let index: Int
    }

    /// Pairs of actors whose codes (or codes below them) share a segment; evidence = segments.
    static func coOccurrences(catalogue: ActorCatalogue, codebook: Codebook, passages: [CodedPassage], needID: String?) -> [ActorGraph.Edge] {
        var actorsOfCode: [String: [String]] = [:]
        for actor in catalogue.actors {
            guard let code = actor.code else { continue }
            for id in codebook.subtree(of: code) { actorsOfCode[id, default: []].append(actor.id) }
        }
        let needCodes = needID.map { Set(codebook.subtree(of: $0)) }
        var actorsInSegment: [SegmentKey: Set<String>] = [:]
        var needSegments: Set<SegmentKey> = []
        for passage in passages {
            guard let index = passage.segmentIndex else { continue }
            let key = SegmentKey(document: passage.document.id, index: index)
            for actor in actorsOfCode[passage.coding.codeID] ?? [] { actorsInSegment[key, default: []].insert(actor) }
            if needCodes?.contains(passage.coding.codeID) == true { needSegments.insert(key) }
        }
        struct Pair: Hashable { let a: String; let b: String }
        var counts: [Pair: Int] = [:]
        for (key, actors) in actorsInSegment where needCodes == nil || needSegments.contains(key) {
            let sorted = actors.sorted()
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] { counts[Pair(a: a, b: b), default: 0] += 1 }
            }
        }
        return counts.sorted { ($0.key.a, $0.key.b) < ($1.key.a, $1.key.b) }.map {
            ActorGraph.Edge(from: $0.key.a, to: $0.key.b, kind: .coOccurs, evidence: $0.value)
        }
    }

    /// Administration actor → need, counting the **residents** who raised the need and whom that
    /// administration supports (staff are employed by one, relatives are not supported by it).
    static func involvement(catalogue: ActorCatalogue, needs: [NeedEvidence], participants: [Participant]) -> [ActorGraph.Edge] {
        let supportedBy = Dictionary(participants.filter { $0.role == .resident }.map { ($0.id, Set($0.administrations)) },
                                     uniquingKeysWith: { first, _ in first })
        return needs.flatMap { evidence in
            catalogue.actors.compactMap { actor -> ActorGraph.Edge? in
                guard let administration = actor.administration else { return nil }
                let count = evidence.participants.filter { supportedBy[$0]?.contains(administration) == true }.count
                guard count > 0 else { return nil }
                return ActorGraph.Edge(from: actor.id, to: nodeID(need: evidence.need.id), kind: .involvedIn, evidence: count)
            }
        }
    }

    /// Solution → need for every link not rejected, when two or more administrations share the need.
    static func services(needs: [NeedEvidence]) -> [ActorGraph.Edge] {
        needs.filter { $0.administrations.count >= 2 }.flatMap { evidence in
            evidence.links.filter { $0.status != .rejected }.map {
                ActorGraph.Edge(from: nodeID(solution: $0.solutionID), to: nodeID(need: evidence.need.id), kind: .serves,
                                evidence: evidence.administrations.count, linkStatus: $0.status)
            }
        }
    }
}
