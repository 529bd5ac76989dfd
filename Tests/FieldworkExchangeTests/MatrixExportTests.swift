import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

struct MatrixExportTests {
    /// R14 speaks one coded turn; the interviewer's coded turn counts for the document's
    /// participant (R14); a workshop note counts for both of its participants (R14, R15).
    static func workspace() async throws -> ExchangeWorkspace {
        let workspace = try await ExchangeWorkspace()
        try await workspace.code("int-014", quote: "Familjen 👩‍👩‍👧 ringer", code: "need.safety")
        try await workspace.code("int-014", quote: "Hur känns nätterna", code: "need.safety.night")
        try await workspace.code("ws-001", quote: "Det kostar för mycket", code: "barrier.cost")
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

    @Test func participantRowsFollowTheRetrievalRule() async throws {
        let result = try await MatrixExport(store: try await Self.workspace().store).render(rows: .participant)
        #expect(result.csv.hasPrefix("participant,need,need.safety,need.safety.night,barrier,barrier.cost\r\n"))
        let rows = table(result.csv)
        #expect(rows["R14"] == ["participant": "R14", "need": "0", "need.safety": "1", "need.safety.night": "1",
                                "barrier": "0", "barrier.cost": "1"])
        #expect(rows["R15"]?["barrier.cost"] == "1" && rows["R15"]?["need.safety"] == "0")
        // A participant without codings still has a row.
        #expect(rows["S01"]?.values.filter { $0 == "0" }.count == 5)
        #expect(result.rows == 3 && result.codings == 3 && result.unattributed == 0)
    }

    @Test func administrationRowsGoThroughTheParticipants() async throws {
        let rows = table(try await MatrixExport(store: try await Self.workspace().store).render(rows: .administration).csv)
        #expect(rows.keys.sorted() == ["care", "labour", "leisure", "school", "social"])
        #expect(rows["social"]?["need.safety"] == "1" && rows["care"]?["barrier.cost"] == "1")
        // R15 (labour) took part only in the workshop.
        #expect(rows["labour"]?["barrier.cost"] == "1" && rows["labour"]?["need.safety"] == "0")
        #expect(rows["school"]?["barrier.cost"] == "0")
    }

    @Test func documentRowsAndChildrenCountedInTheirParents() async throws {
        let workspace = try await Self.workspace()
        let plain = table(try await MatrixExport(store: workspace.store).render(rows: .document).csv)
        #expect(plain["int-014"]?["need"] == "0" && plain["int-014"]?["need.safety"] == "1")
        #expect(plain["ws-001"]?["barrier.cost"] == "1")
        let rolled = table(try await MatrixExport(store: workspace.store).render(rows: .document, includeChildren: true).csv)
        #expect(rolled["int-014"]?["need"] == "2" && rolled["int-014"]?["need.safety"] == "2")
        #expect(rolled["int-014"]?["need.safety.night"] == "1" && rolled["ws-001"]?["barrier"] == "1")
    }
}
