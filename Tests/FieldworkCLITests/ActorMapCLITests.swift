import Foundation
import Testing

@Suite struct ActorMapCLITests {
    static func sample(codings: Bool = false) async throws -> (CLIRunner, URL) {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: codings)
        let cli = CLIRunner(workspace: root)
        try await cli.run("ingest")
        // Two actor codes and a need in R01's turn about the many people she deals with.
        for (start, end, code) in [(2215, 2300, "actor.social_services"), (2300, 2400, "actor.home_care"), (2215, 2500, "need.contact_city")] {
            let result = try await cli.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(end)", "--code", code, "--coder", "anna")
            #expect(result.status == 0, "\(result.stderr)")
        }
        return (cli, root)
    }

    @Test func exportsDOTSVGAndKumuJSON() async throws {
        let (cli, root) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let dot = try await cli.run("export", "actor-map")
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.hasPrefix("digraph "))
        // Lines are numbered; the tooltip (and the key) say what the number stands for.
        #expect(dot.stdout.contains(##""care-administration" -> "social-services" [color="#8856a7", fontcolor="#8856a7", penwidth=1.0, label="##))
        #expect(dot.stdout.contains("Care and welfare administration — Social services administration: co-occurs, 1 segment"))
        #expect(dot.stdout.contains(#""social-services" -> "need:need.contact_city""#))

        let svg = try await cli.run("export", "actor-map", "--format", "svg", "--out", "exports/actors.svg")
        #expect(svg.status == 0, "\(svg.stderr)")
        let written = try String(contentsOf: root.appending(path: "exports/actors.svg"), encoding: .utf8)
        #expect(written.contains("<svg"))
        #expect(written.contains("Social services administration"))

        let json = try await cli.run("export", "actor-map", "--format", "json", "--need", "need.contact_city")
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

    @Test func aVeryLongActorNameIsWrappedAndGraphvizDrawsIt() async throws {
        let (cli, root) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        // ~250 characters: on one line, Graphviz 2.43 failed with "triangulation failed".
        let name = "Stadsdelsförvaltningens gemensamma samordningsfunktion för trygghet, hälsa och självständighet i vardagen "
            + "för personer med stöd från flera förvaltningar samtidigt, inklusive hemtjänst, LSS-boenden, daglig verksamhet "
            + "och arbetsmarknadsinsatser i hela staden"
        let actors = root.appending(path: "corpus/actors.yaml")
        try (try String(contentsOf: actors, encoding: .utf8))
            .replacingOccurrences(of: "name: Social services administration", with: "name: \(name)")
            .write(to: actors, atomically: true, encoding: .utf8)
        let dot = try await cli.run("export", "actor-map")
        #expect(dot.status == 0, "\(dot.stderr)")
        #expect(dot.stdout.contains(#"label="Stadsdelsförvaltningens gemensamma\nsamordningsfunktion för trygghet,"#))
        let svg = try await cli.run("export", "actor-map", "--format", "svg", "--out", "exports/actors.svg")
        #expect(svg.status == 0, "\(svg.stderr)")
        let written = try String(contentsOf: root.appending(path: "exports/actors.svg"), encoding: .utf8)
        #expect(written.contains(">Stadsdelsförvaltningens gemensamma</text>"))
        #expect(written.contains(">arbetsmarknadsinsatser i hela staden</text>"))
    }

    @Test func svgWithoutGraphvizSaysSoAndFails() async throws {
        let (cli, root) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await cli.run(["export", "actor-map", "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'dot' is not installed (Debian package graphviz"))
    }

    @Test func unknownNeedIsRefused() async throws {
        let (cli, root) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await cli.run("export", "actor-map", "--need", "actor.home_care")
        #expect(result.status != 0)
        #expect(result.stderr.contains("'actor.home_care' is an actor code, not a need"))
    }

    /// The focused views, the table and the print layout, with the real binary on the sample study.
    @Test func focusedViewsTableAndA3PDF() async throws {
        let (cli, root) = try await Self.sample(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        // One need: only actors connected to it; unrelated declared actors and relations are gone.
        let need = try await cli.run("export", "actor-map", "--need", "need.contact_city")
        #expect(need.status == 0, "\(need.stderr)")
        #expect(need.stdout.contains(#""social-services" -> "need:need.contact_city""#))
        for unrelated in ["university-lab", "data-protection-authority", "pensioners-association", "need:need.safety.night"] {
            #expect(!need.stdout.contains("\"\(unrelated)\""), "\(unrelated) is not connected to the need")
        }
        // Actors residents name (BankID in R06's turn about contacting the city) come along as proposed actors.
        #expect(need.stdout.contains(#""proposed:actor.bankid" [label="BankID (the banks)""#))

        let administration = try await cli.run("export", "actor-map", "--administration", "labour-administration")
        #expect(administration.status == 0, "\(administration.stderr)")
        #expect(administration.stdout.contains(#""labour-administration" -> "need:need.daily_structure""#))
        #expect(!administration.stdout.contains(#""school-administration""#))
        #expect(!administration.stdout.contains(#""care-administration" -> "need:"#), "other administrations' involvement is left out")

        let bipartite = try await cli.run("export", "actor-map", "--view", "bipartite")
        #expect(bipartite.stdout.contains("subgraph \"column_actors\" {\n    rank=same;"))
        #expect(!bipartite.stdout.contains("co-occurs") && !bipartite.stdout.contains("cluster_company"))

        let csv = try await cli.run("export", "actor-map", "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first?.hasPrefix("administration,") == true && rows.first?.contains("Contact with the city") == true)
        #expect(rows.contains { $0.hasPrefix("Education administration,") })

        let barriers = try await cli.run("export", "actor-map", "--barriers", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(barriers.stdout.utf8)) as? [String: Any])
        let elements = try #require(object["elements"] as? [[String: Any]])
        #expect(elements.contains { $0["type"] as? String == "Barrier" })
        #expect(elements.contains { $0["label"] as? String == "Försäkringskassan" && $0["type"] as? String == "Named by residents (proposed)" })
        let connections = try #require(object["connections"] as? [[String: Any]])
        #expect(connections.contains { $0["type"] as? String == "funds" && $0["description"] as? String == "Framework agreement for safety alarms" })

        let pdf = try await cli.run("export", "actor-map", "--need", "need.contact_city", "--format", "pdf", "--out", "exports/actors.pdf")
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let bytes = try Data(contentsOf: root.appending(path: "exports/actors.pdf"))
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        // A3 landscape is 1190.55 × 841.89 pt; Chromium rounds to a hundredth or so. One page.
        let box = try #require(text.firstMatch(of: /MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]/))
        #expect(abs((Double(box.1) ?? 0) - 1190.55) < 2 && abs((Double(box.2) ?? 0) - 841.89) < 2)
        #expect(text.matches(of: /\/Type\s*\/Page[^s]/).count == 1)
    }

    @Test func badFocusesAreRefusedWithAClearError() async throws {
        let (cli, root) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let both = try await cli.run("export", "actor-map", "--need", "need.contact_city", "--administration", "care-administration")
        #expect(both.status != 0 && both.stderr.contains("--need and --administration cannot be combined"))
        let company = try await cli.run("export", "actor-map", "--administration", "alarm-vendor")
        #expect(company.status != 0 && company.stderr.contains("'alarm-vendor' is not an actor of type administration in corpus/actors.yaml"))
    }

    /// A PDF without --out goes to exports/, as the README's other PDFs do (it was refused).
    @Test func aPDFWithoutOutGoesToTheExportsFolder() async throws {
        let (cli, root) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let pdf = try await cli.run("export", "actor-map", "--format", "pdf")
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(pdf.stdout.contains("exports/actors.pdf"))
        let data = try Data(contentsOf: root.appending(path: "exports/actors.pdf"))
        #expect(data.starts(with: Data("%PDF".utf8)))
    }
}
