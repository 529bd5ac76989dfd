import Foundation
import FieldworkTestSupport
import Testing

/// `export participants`: the register as a case table, one row per pseudonym with today's
/// consent state and one column per attribute key (issue 13, analyst details).
@Suite struct ExportParticipantsCLITests {
    @Test func everyParticipantIsARowWithConsentStateAndAttributeColumns() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: workspace)
        #expect(try await cli.run("ingest").status == 0)
        let result = try await cli.run("export", "participants", "--out", "exports/people.csv")
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: workspace.appending(path: "exports/people.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        #expect(Array(header.prefix(5)) == ["participant", "role", "administrations", "consent", "scopes"])
        #expect(header.contains("age_band") && header.contains("living_situation"))
        let status = try #require(try await cli.json("status") as? [String: Any])
        #expect(lines.count - 1 == status["participants"] as? Int)
        let r01 = try #require(lines.first { $0.hasPrefix("R01,") })
        #expect(r01.contains("resident,social care,active,") && r01.contains("75-79") && r01.contains(",alone,"))
        // R03 withdrew telemetry on 2025-09-01 and kept the rest (the sample register).
        let r03 = try #require(lines.first { $0.hasPrefix("R03,") })
        #expect(r03.contains(",partly-withdrawn,interview recording quote workshop,"), "\(r03)")
        #expect(FileManager.default.fileExists(atPath: workspace.appending(path: "exports/people.csv.meta.json").path))
    }

    /// R01 withdrew every consent: the row says so, and carries none of their personal details
    /// (age band, household, area, support, administrations), as QDPX makes them no case.
    @Test func aParticipantWithNoConsentInForceKeepsARowWithoutTheirDetails() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        try ConsentStates.withdrawSampleR01(in: workspace)
        let cli = CLIRunner(workspace: workspace)
        #expect(try await cli.run("ingest").status == 0)
        let result = try await cli.run("export", "participants", "--out", "exports/people.csv")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 cases withheld (consent withdrawn: 1)"), "\(result.stdout)")
        let csv = try String(contentsOf: workspace.appending(path: "exports/people.csv"), encoding: .utf8)
        let r01 = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("R01,") })
        #expect(r01.hasPrefix("R01,resident,,withdrawn,,"), "\(r01)")
        #expect(r01.dropFirst("R01,resident,,withdrawn,".count).allSatisfy { $0 == "," }, "\(r01)")
        // Others keep theirs.
        #expect(csv.contains("R02,resident,"))
        let sidecar = try String(contentsOf: workspace.appending(path: "exports/people.csv.meta.json"), encoding: .utf8)
        #expect(sidecar.contains("\"unit\" : \"cases\""), "\(sidecar)")
    }
}
