@testable import FieldworkCore
import Foundation
import Testing

@Suite struct DOTWriterTests {
    static let hostileNames = [
        #"Say "hi""#, #"trailing\"#, #"\N and \G and \l"#, "<b>bold</b> & <i>", "A &amp; B", "two\nlines",
        "node", "graph", "edge", "subgraph", "strict", "digraph", String(repeating: "Lång organisation ", count: 20),
        "Förvaltning 👩‍👩‍👧 Åäö — 社会", "-> \"x\" [color=red]; y", "\u{7}bell",
    ]

    @Test func quotingEscapesBackslashesQuotesNewlinesAndAmpersands() {
        #expect(DOTQuoting.quoted(#"a"b"#) == #""a\"b""#)
        #expect(DOTQuoting.quoted(#"end\"#) == #""end\\""#)
        #expect(DOTQuoting.quoted(#"\N"#) == #""\\N""#)
        #expect(DOTQuoting.quoted("x\r\ny") == #""x\ny""#)
        #expect(DOTQuoting.quoted("A & B") == #""A &amp; B""#)
        #expect(DOTQuoting.quoted("node") == #""node""#)
    }

    static func graph(names: [String]) -> ActorGraph {
        let kinds = Actor.Kind.allCases
        let nodes = names.enumerated().map { index, name in
            // The name is also the id: ids must survive quoting as well as labels.
            ActorGraph.Node(id: name, label: name, kind: .actor(kinds[index % kinds.count]))
        }
        let edges = zip(names, names.dropFirst()).map { ActorGraph.Edge(from: $0, to: $1, kind: .coOccurs, evidence: 3) }
        return ActorGraph(nodes: nodes, edges: edges)
    }

    @Test func everyActorIsInExactlyOneCluster() {
        let dot = DOTWriter.write(Self.graph(names: ["a", "b", "c", "d", "e", "f", "g"]))
        for id in ["a", "b", "c", "d", "e", "f", "g"] {
            #expect(dot.components(separatedBy: "\"\(id)\" [label=").count == 2, "\(id) declared once")
        }
        #expect(dot.components(separatedBy: "subgraph \"cluster_").count - 1 == Actor.Kind.allCases.count + 1)
    }

    @Test func graphvizParsesHostileNamesAndShowsEveryLabel() throws {
        guard let dotProgram = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            Issue.record("Graphviz dot is not installed (scripts/install-deps.sh test)")
            return
        }
        let source = DOTWriter.write(Self.graph(names: Self.hostileNames), title: "node \\ \"map\"")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotProgram)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "dot failed: \(stderr)")
        #expect(!stderr.contains("syntax error"))
        let texts = Self.texts(svg)
        for name in Self.hostileNames {
            // Long names are wrapped into lines (DOTLabelWrapping); each line must be shown.
            let visible = DOTLabelWrapping.wrapped(name).unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\n" }
            for line in String(String.UnicodeScalarView(visible)).split(separator: "\n") {
                #expect(texts.contains(String(line)), "label line '\(line)' is missing from the SVG")
            }
        }
        // 16 actors, one edge between each neighbouring pair.
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 >= Self.hostileNames.count - 1)
    }

    /// The text content of every `<text>` element, XML entities decoded.
    static func texts(_ svg: String) -> Set<String> {
        var result: Set<String> = []
        for piece in svg.components(separatedBy: "<text").dropFirst() {
            guard let open = piece.firstIndex(of: ">"), let close = piece.range(of: "</text>") else { continue }
            let raw = String(piece[piece.index(after: open)..<close.lowerBound])
            result.insert(raw.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#45;", with: "-")
                .replacingOccurrences(of: "&#160;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&"))
        }
        return result
    }
}
