/// Draws an `ActorGraph` as Graphviz DOT: one cluster per node kind (so every node is in exactly
/// one cluster), colours and shapes by kind, edge width by evidence, declared relations dashed,
/// and a legend. Every id and label goes through `DOTQuoting`.
public enum DOTWriter {
    struct Style {
        let shape: String
        let fill: String
    }

    static func style(_ kind: ActorGraph.NodeKind) -> Style {
        switch kind {
        case .actor(.administration): Style(shape: "box", fill: "#cfe0f3")
        case .actor(.residentGroup): Style(shape: "ellipse", fill: "#fde0c5")
        case .actor(.civilSociety): Style(shape: "hexagon", fill: "#d5ecd4")
        case .actor(.company): Style(shape: "component", fill: "#eeeeee")
        case .actor(.authority): Style(shape: "house", fill: "#e6d5ec")
        case .actor(.research): Style(shape: "note", fill: "#fff5b8")
        case .need: Style(shape: "octagon", fill: "#f8cfcf")
        case .solution: Style(shape: "cds", fill: "#c9eef0")
        }
    }

    static func edgeColor(_ kind: ActorGraph.EdgeKind) -> String {
        switch kind {
        case .declared: "#555555"
        case .coOccurs: "#8856a7"
        case .involvedIn: "#3a78b5"
        case .serves: "#1b9e77"
        }
    }

    /// Width grows with evidence but is capped, so one heavily coded pair does not swamp the map.
    static func penwidth(_ evidence: Int?) -> String {
        guard let evidence else { return "1" }
        return String(min(1 + Double(max(evidence, 1) - 1) * 0.75, 8))
    }

    public static func write(_ graph: ActorGraph, title: String = "Actor map") -> String {
        let q = DOTQuoting.quoted
        var lines = [
            "digraph \(q("actor_map")) {",
            "  graph [label=\(q(title)), labelloc=t, fontname=\(q("Helvetica")), rankdir=LR, compound=true];",
            "  node [style=\(q("filled")), fontname=\(q("Helvetica")), fontsize=11];",
            "  edge [fontname=\(q("Helvetica")), fontsize=9];",
        ]
        for kind in ActorGraph.NodeKind.allCases {
            let members = graph.nodes.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            let style = style(kind)
            lines.append("  subgraph \(q("cluster_" + kind.clusterName)) {")
            lines.append("    label=\(q(kind.displayName)); style=\(q("rounded,dashed")); color=\(q("#999999"));")
            for node in members {
                lines.append("    \(q(node.id)) [label=\(q(DOTLabelWrapping.wrapped(node.label))), shape=\(style.shape), fillcolor=\(q(style.fill))];")
            }
            lines.append("  }")
        }
        for edge in graph.edges {
            var attributes = [
                "color=\(q(edgeColor(edge.kind)))", "penwidth=\(penwidth(edge.evidence))",
                "label=\(q(edge.evidence.map { "\(edge.kind.name) (\($0))" } ?? edge.kind.name))",
            ]
            if edge.kind.isDeclared { attributes.append("style=dashed") }
            if edge.kind == .coOccurs { attributes.append("dir=none") }
            if let note = edge.note { attributes.append("tooltip=\(q(note))") }
            lines.append("  \(q(edge.from)) -> \(q(edge.to)) [\(attributes.joined(separator: ", "))];")
        }
        lines += legend(graph)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cluster with one sample per node kind present and one per edge kind, prefixed ids so
    /// they can never collide with an actor's.
    static func legend(_ graph: ActorGraph) -> [String] {
        let q = DOTQuoting.quoted
        let kinds = ActorGraph.NodeKind.allCases.filter { kind in graph.nodes.contains { $0.kind == kind } }
        var lines = ["  subgraph \(q("cluster_legend")) {", "    label=\(q("Legend")); style=\(q("solid")); color=\(q("#cccccc"));"]
        for kind in kinds {
            let style = style(kind)
            lines.append("    \(q("legend:" + kind.clusterName)) [label=\(q(kind.displayName)), shape=\(style.shape), fillcolor=\(q(style.fill))];")
        }
        let edgeSamples: [(String, String, String)] = [
            ("declared", "declared relation", "dashed"), ("co-occurs", "co-occur in segments", "solid"),
            ("involved-in", "administration of a need's residents", "solid"), ("serves", "solution for a shared need", "solid"),
        ]
        let colors = ["declared": edgeColor(.declared(.informs)), "co-occurs": edgeColor(.coOccurs),
                      "involved-in": edgeColor(.involvedIn), "serves": edgeColor(.serves)]
        for (name, text, style) in edgeSamples {
            lines.append("    \(q("legend:from:" + name)) [label=\(q("")), shape=point, width=0.05];")
            lines.append("    \(q("legend:to:" + name)) [label=\(q(text)), shape=plaintext, style=\(q(""))];")
            lines.append("    \(q("legend:from:" + name)) -> \(q("legend:to:" + name)) [color=\(q(colors[name] ?? "#000000")), style=\(style)];")
        }
        lines.append("  }")
        return lines
    }
}
