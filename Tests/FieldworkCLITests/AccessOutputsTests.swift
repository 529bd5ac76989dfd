import FieldworkTestSupport
import Foundation
import Testing

/// `corpus/access.yaml` over every output the CLI produces, through the one rule consent goes
/// through: R21's material (full consent), or every interview, is restricted to Anna, so Bo gets
/// none of those words in any output and no count over their segments, each export counting what
/// it withheld for access (never naming anyone); Anna gets what consent allows.
@Suite(.serialized) struct AccessOutputsTests {
    static let people = ConsentOutputsTests.people
    static let restricted = "R21"
    static let memoWord = "anteckningomnattenx"

    /// The restriction as access.yaml states it, and whether it covers a participant's words.
    static let policies: [(yaml: String, covers: @Sendable (String) -> Bool)] = [
        ("participant: \(restricted)", { $0 == restricted }),
        ("document_type: interview", { _ in true }),
    ]

    @Test(arguments: 0..<policies.count)
    func restrictedMaterialIsAbsentFromEveryOutputOfOtherCodersAndCounted(policy: Int) async throws {
        let (yaml, covers) = Self.policies[policy]
        let cli = try await ConsentOutputsTests.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        try Data("restricted:\n  - \(yaml)\n    coders: [Anna]\n".utf8)
            .write(to: cli.workspace.appending(path: "corpus/access.yaml"))
        // Memos as a colleague's codings file brings them: one on the restricted document (it
        // speaks of the material, so it is withheld with it), one on the project (no one's material).
        let ledger = try FileHandle(forWritingTo: cli.workspace.appending(path: "codings/anna.jsonl"))
        try ledger.seekToEnd()
        for (id, target, targetID, text) in [("m-00000000000a", "document", "int-021", Self.memoWord), ("m-00000000000b", "project", "", "projektanteckning")] {
            try ledger.write(contentsOf: Data(("{\"author\":\"Anna\",\"changed_by\":\"Anna\",\"created\":\"2025-05-06T11:02:11.250Z\",\"id\":\"\(id)\","
                + "\"target\":\"\(target)\",\"target_id\":\"\(targetID)\",\"text\":\"\(text)\",\"type\":\"memo\","
                + "\"updated\":\"2025-05-06T11:02:11.250Z\",\"version\":1}\n").utf8))
        }
        try ledger.close()
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        for coder in ["Bo", "Anna"] {
            let environment = ["FIELDWORK_CODER": coder]
            let sees = { (id: String) in !covers(id) || coder == "Anna" }
            for output in ConsentOutputsTests.wordOutputs(cli, environment: environment) {
                let text = try await output.text()
                for person in Self.people {
                    let expected = (output.quoting ? person.quotes : person.words) && sees(person.id)
                    #expect(text.contains(ConsentOutputsTests.word(person.id)) == expected, "\(coder): \(output.name): \(person.id)")
                }
                #expect(!text.contains("restricted:") && !text.contains("coders: [Anna]"), "\(coder): \(output.name)")
            }
            let visible = Self.people.filter { $0.words && sees($0.id) }.count
            // Counts over segments: the restricted segments are no units for Bo.
            #expect(try await cli.run(["export", "matrix", "--rows", "participant", "--out", "exports/m-\(coder).csv"], environment: environment).status == 0)
            let rows = try Self.file(cli, "exports/m-\(coder).csv").components(separatedBy: "\r\n")
            let row = try #require(rows.first { $0.hasPrefix(Self.restricted + ",") })
            #expect(row.hasSuffix(coder == "Anna" ? ",1" : ",0"), "\(coder): matrix: \(row)")
            let counts = try await Self.json(cli, ["export", "cooccurrence", "--json"], environment)
            #expect(counts["coded_segments"] as? Int == visible, "\(coder): cooccurrence")
            let agreement = try await Self.json(cli, ["agreement", "--json"], environment)
            #expect((agreement["overall"] as? [String: Any])?["units"] as? Int == visible, "\(coder): agreement")
            for format in ["json", "dot", "svg"] {
                let path = "exports/a-\(coder).\(format)"
                let result = try await cli.run(["export", "actor-map", "--format", format, "--out", path], environment: environment)
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.contains("restricted to named coders: ") == (coder == "Bo"), "\(coder): actor map \(format): \(result.stdout)")
                #expect(!Self.file(cli, path).contains(ConsentOutputsTests.word(Self.restricted)))
            }
            #expect(try await cli.run(["export", "cooccurrence", "--out", "exports/c-\(coder).csv"], environment: environment).status == 0)
            // Each export's own metadata counts what access withheld, and names nobody.
            let tagged = ["exports/s-\(coder).csv.meta.json", "exports/m-\(coder).csv.meta.json", "exports/c-\(coder).csv.meta.json",
                          "exports/a-\(coder).json.meta.json"]
            for sidecar in tagged {
                let meta = Self.file(cli, sidecar)
                #expect(meta.contains("\"restricted to named coders\" : ") == (coder == "Bo"), "\(coder): \(sidecar): \(meta)")
                #expect(!meta.contains(Self.restricted) && !meta.contains("Anna"), "\(coder): \(sidecar)")
            }
            let project = try ConsentOutputsTests.unzipped(cli.workspace.appending(path: "exports/p-\(coder).qdpx"))
            #expect(project.contains("restricted to named coders: ") == (coder == "Bo"), "\(coder): qdpx description")
            // The memo on the restricted document is no note of Bo's project; it is counted, the project memo stays.
            #expect(project.contains(Self.memoWord) == (coder == "Anna"), "\(coder): qdpx memo")
            #expect(project.contains("projektanteckning"), "\(coder): qdpx project memo")
            #expect(project.contains("1 memos withheld (restricted to named coders: 1)") == (coder == "Bo"), "\(coder): qdpx memo count")
            // A restricted participant is no case of Bo's project either (a document type restricts documents only).
            #expect(project.contains("name=\"\(Self.restricted)\"") == (coder == "Anna" || policy == 1), "\(coder): qdpx case")
        }
    }

    static func file(_ cli: CLIRunner, _ path: String) -> String {
        (try? String(contentsOf: cli.workspace.appending(path: path), encoding: .utf8)) ?? ""
    }

    static func json(_ cli: CLIRunner, _ arguments: [String], _ environment: [String: String]) async throws -> [String: Any] {
        let result = try await cli.run(arguments, environment: environment)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }
}
