/// Actors the residents name that `corpus/actors.yaml` does not declare (Försäkringskassan,
/// Arbetsförmedlingen, the banks' BankID, the housing company …), and — when asked for —
/// barriers and preconditions, as nodes linked to what is coded in the same segments.
///
/// A proposed actor is a code of kind `actor` below a branch (not a top-level branch itself)
/// that no declared actor's `code:` covers, applied in a passage that counts for a resident (or
/// for a group). Its edges are `named-with`: to the needs, declared actors and other proposed
/// actors coded in the same segment, counting segments. Barriers and preconditions get the same
/// kind of edge, to the needs and actors beside them.
enum NamedInSegments {
    static let proposedPrefix = "proposed:"
    static let barrierPrefix = "barrier:"
    static let preconditionPrefix = "precondition:"

    private struct SegmentKey: Hashable {
        let document: String
        let index: Int
    }

    private struct Pair: Hashable {
        let from: String
        let to: String
    }

    /// `needID` restricts the segments to those coded with that need (or a need below it), like
    /// co-occurrence; `needNodes` are the need nodes on the map, so an edge never points at a
    /// need the map leaves out.
    static func derive(
        catalogue: ActorCatalogue, codebook: Codebook, passages: [CodedPassage], participants: [Participant],
        needID: String?, needNodes: Set<String>, barriersAndPreconditions: Bool
    ) -> (nodes: [ActorGraph.Node], edges: [ActorGraph.Edge]) {
        var declaredOfCode: [String: [String]] = [:]
        for actor in catalogue.actors {
            guard let code = actor.code else { continue }
            for id in codebook.subtree(of: code) { declaredOfCode[id, default: []].append(actor.id) }
        }
        let focusCodes = needID.map { Set(codebook.subtree(of: $0)) }
        let roles = Dictionary(participants.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
        func byResidents(_ passage: CodedPassage) -> Bool {
            passage.participants.isEmpty || passage.participants.contains { roles[$0] == .resident }
        }

        var sources: [SegmentKey: Set<String>] = [:]
        var targets: [SegmentKey: Set<String>] = [:]
        var focusSegments: Set<SegmentKey> = []
        var nodes: [String: ActorGraph.Node] = [:]
        for passage in passages {
            guard let index = passage.segmentIndex, let code = codebook[passage.coding.codeID] else { continue }
            let key = SegmentKey(document: passage.document.id, index: index)
            if focusCodes?.contains(code.id) == true { focusSegments.insert(key) }
            switch code.kind {
            case .actor where declaredOfCode[code.id] != nil:
                targets[key, default: []].formUnion(declaredOfCode[code.id] ?? [])
            case .actor where code.parentID != nil && byResidents(passage):
                let id = proposedPrefix + code.id
                nodes[id] = ActorGraph.Node(id: id, label: code.name, kind: .proposedActor, description: code.description,
                                            tags: ["proposed", "actor"])
                sources[key, default: []].insert(id)
                targets[key, default: []].insert(id)
            case .need:
                let node = needID.map { focusCodes?.contains(code.id) == true ? ActorGraphBuilder.nodeID(need: $0) : "" }
                    ?? ActorGraphBuilder.nodeID(need: code.id)
                if needNodes.contains(node) { targets[key, default: []].insert(node) }
            case .barrier where barriersAndPreconditions, .precondition where barriersAndPreconditions:
                let barrier = code.kind == .barrier
                let id = (barrier ? barrierPrefix : preconditionPrefix) + code.id
                nodes[id] = ActorGraph.Node(id: id, label: code.name, kind: barrier ? .barrier : .precondition,
                                            description: code.description, tags: [code.kind.rawValue])
                sources[key, default: []].insert(id)
            default:
                continue
            }
        }
        var counts: [Pair: Int] = [:]
        for (key, from) in sources where focusCodes == nil || focusSegments.contains(key) {
            for source in from {
                for target in targets[key] ?? [] where target != source {
                    // Two proposed actors in one segment: one edge, ends in id order.
                    if source.hasPrefix(proposedPrefix), target.hasPrefix(proposedPrefix), target < source { continue }
                    counts[Pair(from: source, to: target), default: 0] += 1
                }
            }
        }
        let edges = counts.sorted { ($0.key.from, $0.key.to) < ($1.key.from, $1.key.to) }.map {
            ActorGraph.Edge(from: $0.key.from, to: $0.key.to, kind: .namedWith, evidence: $0.value)
        }
        return (nodes.values.sorted { $0.id < $1.id }, edges)
    }
}
