import Foundation
import Testing

@Suite struct ActorMapCLITests {
    static func sample() throws -> (CLIRunner, URL) {
        let root = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: root)
        try cli.run("ingest")
        // Two actor codes and a need in R01's turn about the many people she deals with.
        for (start, end, code) in [(2215, 2300, "actor.social_services"), (2300, 2400, "actor.home_care"), (2215, 2500, "need.contact_city")] {
            let result = try cli.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(end)", "--code", code, "--coder", "anna")
            #expect(result.status == 0, "\(result.stderr)")
        }
        return (cli, root)
    }

    @Test func exportsDOTSVGAndKumuJSON() throws {
        let (cli, root) = try Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let dot = try cli.run("export", "actor-map")
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.hasPrefix("digraph "))
        #expect(dot.stdout.contains(##""care-administration" -> "social-services" [color="#8856a7", penwidth=1.0, label="co-occurs (1)""##))
        #expect(dot.stdout.contains(#""social-services" -> "need:need.contact_city""#))

        let svg = try cli.run("export", "actor-map", "--format", "svg", "--out", "exports/actors.svg")
        #expect(svg.status == 0, "\(svg.stderr)")
        let written = try String(contentsOf: root.appending(path: "exports/actors.svg"), encoding: .utf8)
        #expect(written.contains("<svg"))
        #expect(written.contains("Social services administration"))

        let json = try cli.run("export", "actor-map", "--format", "json", "--need", "need.contact_city")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let elements = try #require(object["elements"] as? [[String: Any]])
        let connections = try #require(object["connections"] as? [[String: Any]])
        #expect(elements.contains { $0["label"] as? String == "Contact with the city" && $0["type"] as? String == "Need" })
        #expect(connections.contains {
            $0["from"] as? String == "Social services administration" && $0["to"] as? String == "Contact with the city"
                && $0["type"] as? String == "involved-in" && $0["strength"] as? Int == 1
        })
        #expect(elements.allSatisfy { $0["description"] is String && $0["tags"] is [String] })
    }

    @Test func aVeryLongActorNameIsWrappedAndGraphvizDrawsIt() throws {
        let (cli, root) = try Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        // ~250 characters: on one line, Graphviz 2.43 failed with "triangulation failed".
        let name = "Stadsdelsförvaltningens gemensamma samordningsfunktion för trygghet, hälsa och självständighet i vardagen "
            + "för personer med stöd från flera förvaltningar samtidigt, inklusive hemtjänst, LSS-boenden, daglig verksamhet "
            + "och arbetsmarknadsinsatser i hela staden"
        let actors = root.appending(path: "corpus/actors.yaml")
        try (try String(contentsOf: actors, encoding: .utf8))
            .replacingOccurrences(of: "name: Social services administration", with: "name: \(name)")
            .write(to: actors, atomically: true, encoding: .utf8)
        let dot = try cli.run("export", "actor-map")
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.contains(#"label="Stadsdelsförvaltningens gemensamma\nsamordningsfunktion för trygghet,"#))
        let svg = try cli.run("export", "actor-map", "--format", "svg", "--out", "exports/actors.svg")
        #expect(svg.status == 0, "\(svg.stderr)")
        let written = try String(contentsOf: root.appending(path: "exports/actors.svg"), encoding: .utf8)
        #expect(written.contains(">Stadsdelsförvaltningens gemensamma</text>"))
        #expect(written.contains(">arbetsmarknadsinsatser i hela staden</text>"))
    }

    @Test func svgWithoutGraphvizSaysSoAndFails() throws {
        let (cli, root) = try Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try cli.run(["export", "actor-map", "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'dot' is not installed (Debian package graphviz"))
    }

    @Test func unknownNeedIsRefused() throws {
        let (cli, root) = try Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try cli.run("export", "actor-map", "--need", "actor.home_care")
        #expect(result.status != 0)
        #expect(result.stderr.contains("'actor.home_care' is not a code of kind need"))
    }
}
