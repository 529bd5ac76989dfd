import Foundation
import Testing

/// `corpus/access.yaml`: a participant's words restricted to named coders are withheld from
/// everyone else in what the CLI produces under their name (`$FIELDWORK_CODER`).
@Suite(.serialized) struct AccessCLITests {
    @Test func restrictedWordsAreWithheldFromOtherCodersInExportsSearchAndNeeds() async throws {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        try await PrivacyWorkspace.code(cli, document: "int-008", containing: "grannlarmet", coder: "Anna")
        try PrivacyWorkspace.write(root, "corpus/access.yaml", "restricted:\n  - participant: R08\n    coders: [Anna]")
        let word = PrivacyWorkspace.r08Word

        let bo = ["FIELDWORK_CODER": "Bo"], anna = ["FIELDWORK_CODER": "Anna"]
        let boExport = try await cli.run(["export", "segments", "--out", "exports/bo.csv"], environment: bo)
        #expect(boExport.stdout.contains(": 1 codings withheld (restricted to named coders: 1)"))
        #expect(!PrivacyWorkspace.read(root, "exports/bo.csv").contains(word))
        #expect(try await cli.run(["export", "segments", "--out", "exports/anna.csv"], environment: anna).status == 0)
        #expect(PrivacyWorkspace.read(root, "exports/anna.csv").contains(word))

        await #expect(!(try cli.run(["search", word], environment: bo)).stdout.contains("int-008"))
        #expect(try await cli.run(["search", word], environment: anna).stdout.contains("int-008"))

        func quotes(_ environment: [String: String]) async throws -> (Int, Int) {
            let result = try await cli.run(["needs", "--json"], environment: environment)
            let needs = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
            let need = try #require(needs.first { $0["id"] as? String == "need.safety" })
            return ((need["quotes"] as? [Any])?.count ?? -1, need["quotes_withheld"] as? Int ?? -1)
        }
        #expect(try await quotes(bo) == (0, 1))
        #expect(try await quotes(anna) == (1, 0))

        // The audit entry states whose access the export ran under and what it withheld.
        let entries = try await cli.json("audit") as? [[String: Any]] ?? []
        let export = try #require(entries.first { ($0["details"] as? [String: String])?["file"] == "exports/bo.csv" })
        let details = export["details"] as? [String: String] ?? [:]
        #expect(details["consent"]?.hasSuffix("with access of Bo") == true)
        #expect(details["withheld"] == "1 withheld (restricted to named coders: 1)")
    }
}
