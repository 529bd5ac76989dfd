/// Draws an `ActorGraph` as Graphviz DOT: one cluster per node kind (so every node is in exactly
/// one cluster) or two columns for the administrations × needs view, colours and shapes by kind,
/// edge width by evidence, declared relations dashed, a number on every line (`decorate` draws a
/// stroke from the number to its line) explained in the key, and a compact legend. Every id and
/// label goes through `DOTQuoting`, every text in the legend and key is `SafeHTML` (escaped).
public enum DOTWriter {
    public struct Options: Sendable {
        public var title: String
        /// Administrations in one column, needs in the other, instead of clusters by kind.
        public var bipartite: Bool
        /// The numbered key as a table beside the map; the Actors page shows it as an HTML table instead.
        public var key: Bool

        /// The drawn words (legend, clusters, key title) in the reader's language.
        public var labels: ActorMapLabels

        public init(title: String? = nil, bipartite: Bool = false, key: Bool = true, labels: ActorMapLabels = .english) {
            self.title = title ?? labels.title
            self.bipartite = bipartite
            self.key = key
            self.labels = labels
        }
    }

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
        case .proposedActor: Style(shape: "box", fill: "#ffffff")
        case .need: Style(shape: "octagon", fill: "#f8cfcf")
        case .barrier: Style(shape: "invtrapezium", fill: "#f4e1c1")
        case .precondition: Style(shape: "trapezium", fill: "#dcefc6")
        case .solution: Style(shape: "cds", fill: "#c9eef0")
        }
    }

    static func edgeColor(_ kind: ActorGraph.EdgeKind) -> String {
        switch kind {
        case .declared: "#555555"
        case .coOccurs: "#8856a7"
        case .involvedIn: "#3a78b5"
        case .serves: "#1b9e77"
        case .namedWith: "#b35806"
        }
    }

    /// Width grows with evidence but is capped, so one heavily coded pair does not swamp the map.
    static func penwidth(_ evidence: Int?) -> String {
        guard let evidence else { return "1" }
        return String(min(1 + Double(max(evidence, 1) - 1) * 0.75, 8))
    }

    public static func write(_ graph: ActorGraph, title: String = "Actor map") -> String {
        write(graph, options: Options(title: title))
    }

    public static func write(_ graph: ActorGraph, options: Options) -> String {
        let q = DOTQuoting.quoted
        var lines = [
            "digraph \(q("actor_map")) {",
            "  graph [label=\(q(options.title)), labelloc=t, fontname=\(q("Helvetica")), fontsize=16, rankdir=LR, compound=true, nodesep=0.3];",
            "  node [style=\(q("filled")), fontname=\(q("Helvetica")), fontsize=12];",
            "  edge [fontname=\(q("Helvetica")), fontsize=11, decorate=true];",
        ]
        lines += options.bipartite ? columns(graph) : clusters(graph, labels: options.labels)
        let key = ActorMapKey(graph)
        for (edge, entry) in zip(graph.edges, key.entries) {
            let color = q(edgeColor(edge.kind))
            var attributes = [
                "color=\(color)", "fontcolor=\(color)", "penwidth=\(penwidth(edge.evidence))",
                "label=\(q(String(entry.number)))", "tooltip=\(q("\(entry.number). \(entry.text(options.labels))"))",
            ]
            if edge.kind.isDeclared { attributes.append("style=dashed") }
            if !edge.kind.isDirected { attributes.append("dir=none") }
            lines.append("  \(q(edge.from)) -> \(q(edge.to)) [\(attributes.joined(separator: ", "))];")
        }
        lines += legend(graph, key: options.key ? key : nil, labels: options.labels)
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func node(_ node: ActorGraph.Node) -> String {
        let q = DOTQuoting.quoted
        let style = style(node.kind)
        var line = "\(q(node.id)) [label=\(q(DOTLabelWrapping.wrapped(node.label))), shape=\(style.shape), fillcolor=\(q(style.fill))"
        // A proposed actor is not (yet) in actors.yaml: drawn dashed, like a suggestion.
        if node.kind == .proposedActor { line += ", style=\(q("filled,dashed"))" }
        return line + "];"
    }

    static func clusters(_ graph: ActorGraph, labels: ActorMapLabels) -> [String] {
        let q = DOTQuoting.quoted
        var lines: [String] = []
        for kind in ActorGraph.NodeKind.allCases {
            let members = graph.nodes.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            lines.append("  subgraph \(q("cluster_" + kind.clusterName)) {")
            lines.append("    label=\(q(labels.nodeKind(kind))); style=\(q("rounded,dashed")); color=\(q("#999999"));")
            lines += members.map { "    " + node($0) }
            lines.append("  }")
        }
        return lines
    }

    /// Administrations (and any other actor) in the first column, everything else in the second.
    static func columns(_ graph: ActorGraph) -> [String] {
        let (left, right) = (graph.nodes.filter { $0.kind.isActor }, graph.nodes.filter { !$0.kind.isActor })
        return [(left, "actors"), (right, "needs")].filter { !$0.0.isEmpty }.flatMap { members, name in
            ["  subgraph \(DOTQuoting.quoted("column_" + name)) {", "    rank=same;"] + members.map { "    " + node($0) } + ["  }"]
        }
    }

    /// One small table per legend (node kinds and edge kinds present) and, when asked for, the
    /// numbered key, in a cluster of their own; ids are prefixed so they never collide with an actor's.
    static func legend(_ graph: ActorGraph, key: ActorMapKey?, labels: ActorMapLabels) -> [String] {
        let q = DOTQuoting.quoted
        var rows = ActorGraph.NodeKind.allCases.filter { kind in graph.nodes.contains { $0.kind == kind } }.map { kind -> SafeHTML in
            "<TR><TD BGCOLOR=\"\(style(kind).fill)\" WIDTH=\"18\" BORDER=\"1\"></TD><TD ALIGN=\"LEFT\">\(html(labels.nodeKind(kind)))</TD></TR>"
        }
        var edgeKinds: [ActorGraph.EdgeKind] = []
        for edge in graph.edges where !edgeKinds.contains(where: { $0.name == edge.kind.name || ($0.isDeclared && edge.kind.isDeclared) }) {
            edgeKinds.append(edge.kind)
        }
        rows += edgeKinds.map { kind -> SafeHTML in
            let name = kind.isDeclared ? labels.declaredRelation : labels.edgeKind(kind)
            return "<TR><TD><FONT COLOR=\"\(edgeColor(kind))\">——</FONT></TD><TD ALIGN=\"LEFT\">\(html(name))</TD></TR>"
        }
        var lines = ["  subgraph \(q("cluster_legend")) {", "    label=\(q("")); style=\(q("invis"));"]
        lines.append("    \(q("legend:kinds")) [shape=plaintext, style=\(q("")), fontsize=10, label=<<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\"><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(html(labels.legend).rendered)</B></TD></TR>\(rows.joined().rendered)</TABLE>>];")
        if let key, !key.entries.isEmpty {
            let entries = key.entries.map { entry -> SafeHTML in
                let text = DOTLabelWrapping.wrapped(entry.text(labels), width: 90).split(separator: "\n").map { html(String($0)) }
                    .joined(separator: "<BR ALIGN=\"LEFT\"/>")
                return "<TR><TD ALIGN=\"RIGHT\" VALIGN=\"TOP\">\(entry.number)</TD><TD ALIGN=\"LEFT\">\(text)<BR ALIGN=\"LEFT\"/></TD></TR>"
            }
            lines.append("    \(q("legend:key")) [shape=plaintext, style=\(q("")), fontsize=10, label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(html(labels.key).rendered)</B></TD></TR>\(entries.joined().rendered)</TABLE>>];")
        }
        lines.append("  }")
        return lines
    }

    /// Text inside an HTML-like label: escaped, control characters dropped (Graphviz rejects some).
    static func html(_ text: String) -> SafeHTML {
        SafeHTML(text: String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control })))
    }
}
