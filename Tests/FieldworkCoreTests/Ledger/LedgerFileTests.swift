@testable import FieldworkCore
import Foundation
import Testing

struct LedgerFileTests {
    static func coding(_ id: String, start: Int = 10, quote: String = "trygg på natten 👩‍👩‍👧", version: Int = 1,
                       memo: String? = "nattlig \"oro\"\nrad två", updated: TimeInterval = 1_746_529_331.25) -> Coding {
        Coding(id: id, documentID: "int-001", codeID: "need.safety.night", coder: "Maja L.", memo: memo,
               anchor: TextQuoteAnchor(quote: quote, prefix: "jag känner mig ", suffix: ". Men", start: start,
                                       end: start + quote.unicodeScalars.count),
               createdAt: Date(timeIntervalSince1970: 1_746_529_331.25), updatedAt: Date(timeIntervalSince1970: updated),
               version: version)
    }

    @Test func recordsRoundTripAndRenderStably() throws {
        let records: [LedgerRecord] = [
            .memo(.init(Memo(id: "m-1", target: .document, targetID: "int-001", author: "Anna", text: "Läs om / igen",
                             createdAt: Date(timeIntervalSince1970: 0)), changedBy: "Anna")),
            .coding(.init(Self.coding("c-2", start: 40), changedBy: "Maja L.",
                          removed: .init(at: Date(timeIntervalSince1970: 1_746_600_000), by: "Maja L."))),
            .coding(.init(Self.coding("c-1"), changedBy: "Maja L.")),
        ]
        let text = LedgerFile.render(records)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        // Codings first, by place; then memos. Keys sorted; one record per line.
        #expect(lines[0].hasPrefix("{\"changed_by\":\"Maja L.\",\"code\":\"need.safety.night\""))
        #expect(lines[0].contains("\"id\":\"c-1\"") && lines[1].contains("\"id\":\"c-2\"") && lines[2].contains("\"type\":\"memo\""))
        #expect(lines[0].contains("\"updated\":\"2025-05-06T11:02:11.250Z\"") && lines[0].contains("\"removed\":null") == false)
        #expect(lines[2].contains("Läs om / igen"))
        let parsed = try LedgerFile.parse(text, file: "codings/maja-l.jsonl")
        #expect(Set(parsed) == Set(records))
        #expect(LedgerFile.render(parsed.reversed()) == text)
    }

    /// Coding lines are written by hand (a server writes one per change): byte for byte what
    /// `JSONEncoder` writes, with and without a memo or a removal, and for every character that
    /// needs escaping, emoji and characters outside the BMP.
    @Test func handWrittenCodingLinesEqualTheEncoders() {
        let awkward = ["", "\"citat\" och \\snedstreck\\ / delat", "rad\nny\r\tflik\u{08}\u{0C}\u{01}\u{1F}", "👩‍👩‍👧 e\u{301} 𝄞 \u{7F} \u{2028}"]
        var records: [LedgerRecord] = []
        for (index, text) in awkward.enumerated() {
            var coding = Self.coding("c-\(index)", start: index * 7, quote: text.isEmpty ? "x" : text, version: index + 1,
                                     memo: index == 0 ? nil : text, updated: 1_746_529_331.25 + Double(index) * 0.001)
            coding.anchor.prefix = text
            coding.anchor.suffix = String(text.reversed())
            records.append(.coding(.init(coding, changedBy: text.isEmpty ? "Anna" : text)))
            records.append(.coding(.init(coding, changedBy: "Maja L.",
                                         removed: .init(at: Date(timeIntervalSince1970: 1_746_600_000.5 + Double(index)), by: text))))
        }
        for record in records {
            #expect(LedgerFile.line(record) == LedgerFile.encodedLine(record))
        }
    }

    /// A file read and written again keeps its bytes: ".727" is 0.72699… as a double, and a
    /// truncating formatter wrote ".726" (one millisecond less on every rewrite of the sample study).
    @Test func everyMillisecondReadsBackAsWritten() throws {
        var lines: [String] = []
        for millisecond in 0..<1000 {
            let stamp = String(format: "2026-11-30T04:20:58.%03dZ", millisecond)
            var line = LedgerFile.line(.coding(.init(Self.coding("c-\(millisecond)"), changedBy: "Jonas Ek")))
            line = line.replacingOccurrences(of: "2025-05-06T11:02:11.250Z", with: stamp)
            lines.append(line)
        }
        let text = lines.map { $0 + "\n" }.joined()
        let parsed = try LedgerFile.parse(text, file: "codings/jonas-ek.jsonl")
        for (record, line) in zip(parsed, lines) {
            #expect(LedgerFile.line(record) == line)
        }
    }

    @Test(arguments: [
        ("{\"type\":\"coding\"}", "missing field"),
        ("not json", "not valid JSON"),
        ("{\"type\":\"sticker\"}", "unknown record type 'sticker'"),
    ])
    func aBadLineNamesFileAndLine(line: String, problem: String) throws {
        let good = LedgerFile.render([.coding(.init(Self.coding("c-1"), changedBy: "Maja L."))])
        #expect {
            try LedgerFile.parse(good + "\n" + line + "\n", file: "codings/maja-l.jsonl")
        } throws: { error in
            let description = (error as? SourceProblem)?.description ?? ""
            return description.hasPrefix("codings/maja-l.jsonl:3: ") && description.contains(problem)
        }
    }

    /// A running server appends a record's new state: the file is read with the later version.
    @Test func aRestatedRecordIsReadAtItsLatestVersion() throws {
        let old = LedgerRecord.coding(.init(Self.coding("c-1", version: 1), changedBy: "Maja L."))
        let new = LedgerRecord.coding(.init(Self.coding("c-1", version: 2, memo: "ny"), changedBy: "Maja L."))
        let other = LedgerRecord.coding(.init(Self.coding("c-0", start: 2), changedBy: "Maja L."))
        let text = [old, other, new].map { LedgerFile.line($0) + "\n" }.joined()
        let parsed = try LedgerFile.parse(text, file: "codings/maja-l.jsonl")
        #expect(parsed.count == 3)
        let (records, superseded) = LedgerFile.compacted(parsed)
        #expect(superseded && Set(records) == [other, new])
        #expect(LedgerFile.compacted([other, new]).superseded == false)
        #expect(LedgerFile.render(records) == LedgerFile.render([new, other]))
    }

    /// U+0000 in a memo of a codings file: PostgreSQL refused the ingest (invalid byte sequence)
    /// and SQLite stored the memo cut at it (found by a new user). The line is refused, naming
    /// the file, the line and the field, before anything is stored.
    @Test func aNULInAFreeTextFieldIsRefusedNamingTheField() throws {
        let coding = LedgerRecord.coding(.init(Self.coding("c-1", memo: "före\u{0}efter"), changedBy: "Maja L."))
        let text = LedgerFile.render([.coding(.init(Self.coding("c-0", start: 2), changedBy: "Maja L.")), coding])
        #expect {
            try LedgerFile.parse(text, file: "codings/maja-l.jsonl")
        } throws: { error in
            (error as? SourceProblem)?.description == "codings/maja-l.jsonl:2: coding c-1: memo holds a NUL character (U+0000), "
                + "which no text in the study can hold; remove it"
        }
    }

    @Test func aSpanThatDisagreesWithItsQuoteIsRefused() throws {
        var entry = LedgerRecord.CodingEntry(Self.coding("c-1"), changedBy: "Maja L.")
        entry.end += 1
        let text = LedgerFile.render([.coding(entry)])
        #expect(throws: SourceProblem.self) { try LedgerFile.parse(text, file: "f.jsonl") }
        let twice = LedgerFile.render([.coding(.init(Self.coding("c-1"), changedBy: "A"))])
        // The same line twice (an append repeated) is one record, not a problem.
        #expect(LedgerFile.compacted(try LedgerFile.parse(twice + twice, file: "f.jsonl")).records.count == 1)
    }

    @Test func theHighestVersionWinsThenTheLaterUpdate() {
        let base = LedgerRecord.coding(.init(Self.coding("c-1", version: 2), changedBy: "Anna"))
        let newer = LedgerRecord.coding(.init(Self.coding("c-1", version: 3, memo: "ny"), changedBy: "Maja L."))
        let sameVersionLater = LedgerRecord.coding(.init(Self.coding("c-1", version: 3, memo: "senare", updated: 1_746_600_000), changedBy: "Bo"))
        #expect(LedgerMerge.latest([newer, base])["c-1"] == newer)
        #expect(LedgerMerge.latest([base, newer])["c-1"] == newer)
        #expect(LedgerMerge.latest([sameVersionLater, newer, base])["c-1"] == sameVersionLater)
        #expect(LedgerMerge.latest([newer, sameVersionLater])["c-1"] == sameVersionLater)
    }

    @Test func fileSlugsAreAsciiAndStable() {
        #expect(LedgerMerge.fileSlug(for: "Maja L.") == "maja-l")
        #expect(LedgerMerge.fileSlug(for: "Åsa Öberg") == "asa-oberg")
        #expect(LedgerMerge.fileSlug(for: "../../etc") == "etc")
        #expect(LedgerMerge.fileSlug(for: "李") == "u-674e")
    }
}
