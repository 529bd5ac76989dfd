@testable import FieldworkCore
import Foundation
import Testing

/// The drawing a policy lab reads: numbered lines matched to a key, a compact legend, the
/// two-column administrations × needs layout — and Graphviz accepts all of it.
@Suite struct DOTWriterLayoutTests {
    static let graph = ActorGraph(
        nodes: [
            .init(id: "care", label: "Care & welfare", kind: .actor(.administration)),
            .init(id: "social", label: "Social <services>", kind: .actor(.administration)),
            .init(id: "proposed:actor.bankid", label: "BankID (the banks)", kind: .proposedActor),
            .init(id: "need:night", label: "Safe at night", kind: .need),
        ],
        edges: [
            .init(from: "care", to: "social", kind: .declared(.refersTo), note: "assessments"),
            .init(from: "care", to: "need:night", kind: .involvedIn, evidence: 2),
            .init(from: "social", to: "need:night", kind: .involvedIn, evidence: 1),
            .init(from: "proposed:actor.bankid", to: "need:night", kind: .namedWith, evidence: 1),
        ])

    @Test func everyLineHasANumberExplainedInTheKey() {
        let dot = DOTWriter.write(Self.graph)
        #expect(dot.contains("edge [fontname=\"Helvetica\", fontsize=11, decorate=true];"))
        #expect(dot.contains(##""care" -> "need:night" [color="#3a78b5", fontcolor="#3a78b5", penwidth=1.75, label="2", tooltip="2. Care &amp; welfare → Safe at night: involved-in, 2 residents"];"##))
        #expect(dot.contains(##""proposed:actor.bankid" -> "need:night" [color="#b35806", fontcolor="#b35806", penwidth=1.0, label="4","##))
        // The key: one row per line, names escaped for the HTML-like label.
        #expect(dot.contains("<TR><TD ALIGN=\"RIGHT\" VALIGN=\"TOP\">3</TD><TD ALIGN=\"LEFT\">Social &lt;services&gt; → Safe at night: involved-in, 1 resident<BR ALIGN=\"LEFT\"/></TD></TR>"))
        #expect(dot.contains("Care &amp; welfare → Social &lt;services&gt;: refers to (assessments)"))
        // One legend node (kinds present only), not a cluster of sample nodes and edges.
        #expect(dot.components(separatedBy: "\"legend:").count - 1 == 2)
        #expect(dot.contains(">Named by residents (proposed)</TD>") && !dot.contains(">IoT solution</TD>"))
        #expect(dot.contains("involved-in: administration of a need&#39;s residents"))
        // A proposed actor is drawn dashed.
        #expect(dot.contains(##""proposed:actor.bankid" [label="BankID (the banks)", shape=box, fillcolor="#ffffff", style="filled,dashed"];"##))
    }

    @Test func withoutTheKeyOnlyTheLegendIsDrawn() {
        let dot = DOTWriter.write(Self.graph, options: .init(key: false))
        #expect(!dot.contains("legend:key"))
        #expect(dot.contains("legend:kinds"))
    }

    @Test func theBipartiteViewHasTwoColumnsAndNoClusters() {
        let dot = DOTWriter.write(Self.graph, options: .init(bipartite: true))
        #expect(dot.contains("subgraph \"column_actors\" {\n    rank=same;\n    \"care\""))
        #expect(dot.contains("subgraph \"column_needs\" {\n    rank=same;\n    \"need:night\""))
        #expect(!dot.contains("cluster_administration"))
    }

    @Test(arguments: [false, true])
    func graphvizDrawsTheMapWithItsKey(bipartite: Bool) throws {
        guard let program = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            Issue.record("Graphviz dot is not installed (scripts/install-deps.sh test)")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
        input.fileHandleForWriting.write(Data(DOTWriter.write(Self.graph, options: .init(bipartite: bipartite)).utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && stderr.isEmpty, "dot: \(stderr)")
        let texts = DOTWriterTests.texts(svg)
        #expect(texts.contains("Key to the numbered lines"))
        #expect(texts.contains("Social <services> → Safe at night: involved&#45;in, 1 resident") || texts.contains("Social <services> → Safe at night: involved-in, 1 resident"))
        for number in 1...4 { #expect(texts.contains(String(number)), "line \(number) is labelled") }
    }
}
