import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct SegmentsExportTests {
    /// A small RFC 4180 reader, to check the CSV round-trips.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if inQuotes {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { inQuotes = false }
                } else { field.append(character) }
            } else if character == "\"" {
                inQuotes = true
            } else if character == "," {
                row.append(field); field = ""
            } else if character == "\r\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.append(character)
            }
        }
        return rows
    }

    @Test func oneRowPerCodingWithQuoteContextAndSpeaker() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: """
            **R14:** Jag sa "nej, tack" till kameran,
            men ja till larmet.
            """))
        try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "\"nej, tack\" till kameran,\nmen", code: "barrier")
        _ = try await workspace.context.codings.update(id: coding.id, memo: "säger, \"tydligt\"")
        let (csv, count, _) = try await workspace.context.segmentsExport.csv()
        #expect(count == 1)
        let rows = Self.parseCSV(csv)
        #expect(rows.count == 2)
        #expect(rows[0] == SegmentsExport.header)
        let record = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(record["quote"] == "\"nej, tack\" till kameran,\nmen")
        #expect(record["memo"] == "säger, \"tydligt\"")
        #expect(record["speaker"] == "R14")
        #expect(record["code_name"] == "Barriers")
        // Context stays inside the turn (a neighbouring turn may be someone else's withheld words).
        #expect(record["prefix"] == "Jag sa ")
        #expect(record["participants"] == "R14")
    }

    /// A coding that starts in the interviewer's question and runs into the answer of someone who
    /// withdrew is withheld: the export looked only at the turn it starts in and wrote the
    /// withdrawn words out (the other outputs withheld it).
    @Test func aCodingReachingIntoWithdrawnWordsIsWithheld() async throws {
        let workspace = try await TemporaryWorkspace(participants: TemporaryWorkspace.participants.replacingOccurrences(
            of: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}",
            with: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry], withdrawn: 2025-10-01}"))
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: """
            **Intervjuare:** Hur känns natten?

            **R14:** Jag vaknar och lyssnar efter dörren.
            """))
        try await workspace.ingest()
        let question = try await workspace.code("int-014", quote: "Hur känns natten?", code: "need")
        let text = try await workspace.plainText("int-014")
        let from = try #require(text.occurrences(of: Array("natten?".unicodeScalars)).first)
        let to = try #require(text.occurrences(of: Array("vaknar".unicodeScalars)).first) + 6
        let across = try await workspace.context.codings.add(document: "int-014", span: from..<to, code: "need", coder: "anna")
        let (csv, count, withheld) = try await workspace.context.segmentsExport.csv()
        #expect(!csv.contains("vaknar"))
        #expect(count == 1)
        #expect(withheld.byReason == [.withdrawn: 1])
        #expect(csv.contains(question.id) && !csv.contains(across.id))
    }

    /// A memo typed as a formula reaches the export as text a spreadsheet will not run.
    @Test func aMemoThatLooksLikeAFormulaIsExportedInert() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Jag vill klara mig själv."))
        try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "klara mig", code: "barrier")
        _ = try await workspace.context.codings.update(id: coding.id, memo: "=HYPERLINK(\"http://evil.example\")")
        let (csv, _, _) = try await workspace.context.segmentsExport.csv()
        let rows = Self.parseCSV(csv)
        let record = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(record["memo"] == "'=HYPERLINK(\"http://evil.example\")")
        #expect(!csv.contains(",=HYPERLINK") && !csv.contains(",\"=HYPERLINK"))
    }
}
