@testable import FieldworkCore
import Foundation
import Testing

/// Need–solution links in the ledger files: the latest change wins, wherever it was made.
struct NeedLinkReconciliationTests {
    static func entry(_ solution: String = "door-sensor", rationale: String = "nattlig oro", by person: String = "Anna",
                      at seconds: TimeInterval, removedBy remover: String? = nil, at removedAt: TimeInterval? = nil) -> LedgerRecord.NeedLinkEntry {
        var entry = LedgerRecord.NeedLinkEntry(NeedSolutionLink(needID: "need.safety.night", solutionID: solution, rationale: rationale,
                                                                linkedBy: person, linkedAt: Date(timeIntervalSince1970: seconds)))
        if let remover, let removedAt { entry.removed = .init(at: Date(timeIntervalSince1970: removedAt), by: remover) }
        return entry
    }

    @Test func whatOnlyTheStoreHoldsIsWrittenAndWhatOnlyTheFilesHoldIsTaken() {
        let stored = Self.entry("door-sensor", at: 100)
        let filed = Self.entry("motion-sensor", at: 100)
        let plan = NeedLinkReconciliation.plan(files: [filed], stored: [stored])
        #expect(plan.write == [stored] && plan.take == [filed])
    }

    @Test func theLaterChangeWinsOnEitherSide() {
        let older = Self.entry(rationale: "first", at: 100)
        let newer = Self.entry(rationale: "second", by: "Bo", at: 200)
        #expect(NeedLinkReconciliation.plan(files: [older], stored: [newer]) == .init(write: [newer], take: []))
        #expect(NeedLinkReconciliation.plan(files: [newer], stored: [older]) == .init(write: [], take: [newer]))
        // A removal is a change like any other: Bo's later removal beats Anna's link, whichever file holds it.
        let removed = Self.entry(rationale: "first", at: 100, removedBy: "Bo", at: 300)
        #expect(NeedLinkReconciliation.plan(files: [older, removed], stored: [older]) == .init(write: [], take: [removed]))
        #expect(NeedLinkReconciliation.plan(files: [removed, older], stored: [removed]) == .init(write: [], take: []))
        // Linked again after the removal: the link is back.
        let again = Self.entry(rationale: "third", at: 400)
        #expect(NeedLinkReconciliation.plan(files: [again, removed], stored: [removed]) == .init(write: [], take: [again]))
    }

    @Test func theSameStateIsLeftAloneAndTiesGoTheSameWayEverywhere() {
        let state = Self.entry(at: 100.25)
        // The same state read back from another place: below the millisecond it may differ.
        var readBack = state
        readBack.linkedAt = Date(timeIntervalSince1970: 100.2500000001)
        #expect(NeedLinkReconciliation.plan(files: [readBack], stored: [state]) == .init())
        let anna = Self.entry(rationale: "a", by: "Anna", at: 100)
        let bo = Self.entry(rationale: "b", by: "Bo", at: 100)
        #expect(NeedLinkReconciliation.plan(files: [anna, bo], stored: []).take == [bo])
        #expect(NeedLinkReconciliation.plan(files: [bo, anna], stored: []).take == [bo])
        #expect(NeedLinkReconciliation.plan(files: [anna], stored: [bo]).write == [bo])
    }

    @Test func linkRecordsRoundTripInTheFileAfterCodingsAndMemos() throws {
        let link = Self.entry(at: 1_746_529_331.25, removedBy: "Bo", at: 1_746_600_000.5)
        let memo = LedgerRecord.memo(.init(Memo(id: "m-1", target: .project, targetID: "", author: "Bo", text: "x",
                                                createdAt: Date(timeIntervalSince1970: 0)), changedBy: "Bo"))
        let text = LedgerFile.render([.needLink(link), memo])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains("\"type\":\"memo\""))
        #expect(lines[1] == """
            {"linked_at":"2025-05-06T11:02:11.250Z","linked_by":"Anna","need":"need.safety.night","rationale":"nattlig oro",\
            "removed":{"at":"2025-05-07T06:40:00.500Z","by":"Bo"},"solution":"door-sensor","status":"candidate","type":"need_link"}
            """)
        #expect(try LedgerFile.parse(text, file: "codings/bo.jsonl") == [memo, .needLink(link)])
        #expect(LedgerRecord.needLink(link).changedBy == "Bo")
    }

    @Test func aBadLinkRecordNamesFileAndLine() {
        let empty = #"{"linked_at":"2025-05-06T11:02:11.250Z","linked_by":"Anna","need":"need.x","rationale":" ","solution":"s","status":"candidate","type":"need_link"}"#
        #expect(throws: SourceProblem(file: "codings/anna.jsonl", line: 2, "need_link need.x > s: the rationale is empty")) {
            try LedgerFile.parse("\n" + empty, file: "codings/anna.jsonl")
        }
        let status = empty.replacingOccurrences(of: "candidate", with: "maybe").replacingOccurrences(of: "\" \"", with: "\"r\"")
        #expect(throws: SourceProblem.self) { try LedgerFile.parse(status, file: "codings/anna.jsonl") }
    }
}
