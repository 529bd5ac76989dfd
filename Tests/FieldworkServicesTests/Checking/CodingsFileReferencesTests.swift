import FieldworkCore
@testable import FieldworkServices
import Testing

/// Which records of a codings file `check` judges: each id's latest state only (a server that
/// was killed left earlier states above it), and nothing removed.
struct CodingsFileReferencesTests {
    static func coding(code: String, version: Int, removed: Bool = false) -> String {
        #"{"changed_by":"Maja","code":""# + code + #"","coder":"Maja","created":"2026-11-30T04:20:16.950Z","document":"int-001","end":9,"id":"c-1","prefix":"","quote":"Men efter","start":0,"suffix":"","type":"coding","updated":"2026-11-30T04:20:16.950Z","version":"#
            + "\(version)" + (removed ? #","removed":{"at":"2026-11-30T05:00:00.000Z","by":"Maja"}"# : "") + "}"
    }

    let references = CodingsFileReferences(codes: ["need": .need], solutions: [])

    @Test func onlyTheLatestStateOfARecordIsJudged() throws {
        // Recoded from an unknown code to a known one: nothing to say.
        let recoded = try LedgerFile.numbered([Self.coding(code: "gone", version: 1), Self.coding(code: "need", version: 2)].joined(separator: "\n"), file: "f")
        #expect(references.problems(recoded, file: "codings/maja.jsonl").isEmpty)
        // The other way round: the later line, where it is now.
        let lost = try LedgerFile.numbered([Self.coding(code: "need", version: 1), Self.coding(code: "gone", version: 2)].joined(separator: "\n"), file: "f")
        #expect(references.problems(lost, file: "codings/maja.jsonl").map(\.description)
                == ["codings/maja.jsonl:2: coding c-1 names code 'gone', which is not in the codebook"])
    }

    @Test func aRemovedRecordIsNotJudged() throws {
        let removed = try LedgerFile.numbered([Self.coding(code: "gone", version: 1), Self.coding(code: "gone", version: 2, removed: true)].joined(separator: "\n"), file: "f")
        #expect(references.problems(removed, file: "codings/maja.jsonl").isEmpty)
    }
}
