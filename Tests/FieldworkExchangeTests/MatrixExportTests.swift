import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

struct MatrixExportTests {
    /// A workshop note with a group that declares its members, and a plenary note without one.
    static let groupedWorkshop = """
        ---
        id: ws-001
        type: workshop
        title: Workshop 1
        date: 2025-05-06
        language: sv
        participants: [R14, R15, S01]
        ---
        # Station 1

        - Larmet måste gå att stänga av själv.

        ## Grupp A

        Deltagare: R14, R15.

        - Det kostar för mycket för familjen.
        """

    /// R14 speaks one coded turn; the interviewer's coded turn counts for no one; a note in
    /// group A counts for its members (R14, R15), the plenary note for no one.
    static func workspace() async throws -> ExchangeWorkspace {
        let workspace = try await ExchangeWorkspace(corpus: ["corpus/int-014.md": ExchangeWorkspace.interview,
                                                             "corpus/ws-001.md": groupedWorkshop])
        try await workspace.code("int-014", quote: "Familjen 👩‍👩‍👧 ringer", code: "need.safety")
        try await workspace.code("int-014", quote: "Hur känns nätterna", code: "need.safety.night")
        try await workspace.code("ws-001", quote: "Det kostar för mycket", code: "barrier.cost")
        try await workspace.code("ws-001", quote: "Larmet måste", code: "need.safety")
        return workspace
    }

    private func table(_ csv: String) -> [String: [String: String]] {
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        let header = lines[0]
        var rows: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            rows[line[0]] = Dictionary(uniqueKeysWithValues: zip(header, line).map { ($0, $1) })
        }
        return rows
    }

    @Test func participantRowsFollowTheAttributionRuleWithTheirRole() async throws {
        let result = try await MatrixExport(store: try await Self.workspace().store).render(rows: .participant)
        #expect(result.csv.hasPrefix("participant,role,need,need.safety,need.safety.night,barrier,barrier.cost\r\n"))
        let rows = table(result.csv)
        #expect(rows["R14"] == ["participant": "R14", "role": "resident", "need": "0", "need.safety": "1",
                                "need.safety.night": "0", "barrier": "0", "barrier.cost": "1"])
        #expect(rows["R15"]?["role"] == "relative" && rows["R15"]?["barrier.cost"] == "1" && rows["R15"]?["need.safety"] == "0")
        // S01 is a participant of the workshop but not of group A: no codings.
        #expect(rows["S01"]?["role"] == "staff" && rows["S01"]?.values.filter { $0 == "0" }.count == 5)
        // The interviewer's turn and the plenary note count for no one.
        #expect(result.rows == 3 && result.codings == 4 && result.unattributed == 2)
    }

    /// Participant attributes as columns beside the role (issue 13 part 7); only for participant rows.
    @Test func participantAttributesAsColumnsBesideTheRole() async throws {
        let store = try await Self.workspace().store
        let result = try await MatrixExport(store: store).render(rows: .participant, attributes: ["age_band", "living_situation"])
        #expect(result.csv.hasPrefix("participant,role,age_band,living_situation,need,need.safety,"))
        let rows = table(result.csv)
        #expect(rows["R14"]?["age_band"] == "70-79" && rows["R14"]?["living_situation"] == "alone" && rows["R14"]?["need.safety"] == "1")
        #expect(rows["R15"]?["age_band"] == "40-49" && rows["R15"]?["living_situation"] == "")
        #expect(rows["S01"]?["age_band"] == "" && rows["S01"]?["role"] == "staff")
        await #expect(throws: MatrixExportError.self) { try await MatrixExport(store: store).render(rows: .document, attributes: ["age_band"]) }
    }

    /// "70-79" and "70–79" are one age band: one attribute row, not two (issue 13 part 7).
    @Test func attributeRowsTreatDashesAlike() async throws {
        let workspace = try await Self.workspace()
        try workspace.write("corpus/participants.yaml", ExchangeWorkspace.participants.replacingOccurrences(of: "\"40-49\"", with: "\"70–79\""))
        #expect(try await workspace.context.ingest.ingest().problems.isEmpty)
        let rows = table(try await MatrixExport(store: workspace.store).render(rows: .attribute("age_band")).csv)
        #expect(rows.keys.sorted() == ["70-79"])
        #expect(rows["70-79"]?["barrier.cost"] == "1" && rows["70-79"]?["need.safety"] == "1")
    }

    @Test func administrationRowsCountTheResidentsTheySupport() async throws {
        let rows = table(try await MatrixExport(store: try await Self.workspace().store).render(rows: .administration).csv)
        #expect(rows.keys.sorted() == ["care", "labour", "leisure", "school", "social"])
        #expect(rows["social"]?["need.safety"] == "1" && rows["care"]?["barrier.cost"] == "1")
        // R15 is a relative: the labour market administration does not support them as a resident.
        #expect(rows["labour"]?["barrier.cost"] == "0" && rows["labour"]?["need.safety"] == "0")
        #expect(rows["school"]?["barrier.cost"] == "0")
    }

    @Test func documentRowsAndChildrenCountedInTheirParents() async throws {
        let workspace = try await Self.workspace()
        let plain = table(try await MatrixExport(store: workspace.store).render(rows: .document).csv)
        #expect(plain["int-014"]?["need"] == "0" && plain["int-014"]?["need.safety"] == "1")
        #expect(plain["ws-001"]?["barrier.cost"] == "1" && plain["ws-001"]?["need.safety"] == "1")
        let rolled = table(try await MatrixExport(store: workspace.store).render(rows: .document, includeChildren: true).csv)
        #expect(rolled["int-014"]?["need"] == "2" && rolled["int-014"]?["need.safety"] == "2")
        #expect(rolled["int-014"]?["need.safety.night"] == "1" && rolled["ws-001"]?["barrier"] == "1")
        #expect(rolled["ws-001"]?["need"] == "1")
    }
}
