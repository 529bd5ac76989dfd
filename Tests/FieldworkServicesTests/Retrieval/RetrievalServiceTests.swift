import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

@Suite struct RetrievalServiceTests {
    private func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: """
            **Intervjuare:** Hur är nätterna?

            **R14:** Jag ligger vaken och lyssnar.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "ligger vaken")
        _ = try await workspace.code("int-014", quote: "Hur är nätterna")
        return workspace
    }

    /// A coding running from R14's turn (consented) into R15's (no consent) holds R15's words:
    /// withheld from retrieval and from the needs' evidence (they looked at R14's turn only).
    @Test func aCodingRunningIntoAnotherTurnCountsItsPeopleToo() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(participants: "[R14, R15]", body: """
            **R14:** Jag ligger vaken.

            **R15:** Hon ringer mig varje natt.
            """))
        try await workspace.ingest()
        let text = try await workspace.plainText("int-014")
        let from = try #require(text.occurrences(of: Array("ligger".unicodeScalars)).first)
        let to = try #require(text.occurrences(of: Array("ringer".unicodeScalars)).first) + 6
        let across = try await workspace.context.codings.add(document: "int-014", span: from..<to, code: "need.safety", coder: "anna")
        let own = try await workspace.code("int-014", quote: "Jag ligger vaken")
        let items = try await workspace.context.retrieval.retrieve(RetrievalService.Filter(code: "need")).items
        let withheld = items.filter { $0.withheld != nil }
        #expect(withheld.map(\.coding.id) == [across.id])
        #expect(withheld.first?.withheld == .notGiven && withheld.first?.coding.quote == "")
        #expect(withheld.first?.attribution.participants == ["R14", "R15"])
        let (passages, counted) = try await NeedsRegisterService(store: workspace.store).consentedPassages()
        #expect(passages.map(\.coding.id) == [own.id])
        #expect(counted.byReason == [.notGiven: 1])
    }

    /// "75-79" typed with an en dash (as handouts print it) or with other spacing finds the same people.
    @Test(arguments: ["70-79", "70–79", "70−79"])
    func attributeValuesMatchWhateverDashWasTyped(value: String) async throws {
        let workspace = try await workspace()
        var filter = RetrievalService.Filter(code: "need")
        filter.attribute = ("age_band", value)
        let items = try await workspace.context.retrieval.retrieve(filter).items
        // Only R14's own words: the interviewer's question counts for no one.
        #expect(items.map(\.coding.quote) == ["ligger vaken"])
    }

    @Test func aDifferentValueFindsNothing() async throws {
        let workspace = try await workspace()
        var filter = RetrievalService.Filter(code: "need")
        filter.attribute = ("age_band", "80-89")
        #expect(try await workspace.context.retrieval.retrieve(filter).items.isEmpty)
    }

    /// A code nobody used is answered without reading the participant register, which grows
    /// with the corpus (issue 14: `/retrieval?code=need` cost 72 ms with no codings at all). A
    /// register row the store cannot read shows whether it was read.
    /// With codings, only the entries the coded documents may name are read: R15, whom no coded
    /// document names, is never read, however large the register.
    @Test(.enabled(if: TestStore.isSQLite, "damages a register row with the sqlite3 tool"))
    func retrievalReadsOnlyTheRegisterEntriesItsDocumentsName() async throws {
        let workspace = try await workspace()
        func damage(_ condition: String) throws {
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [workspace.context.workspace.stateDirectory.appending(path: "fieldwork.sqlite").path,
                                "UPDATE participant SET role = 'no-such-role' WHERE \(condition)"]
            try sqlite.run()
            sqlite.waitUntilExit()
            #expect(sqlite.terminationStatus == 0)
        }
        try damage("id <> 'R14'")
        let page = try await workspace.context.retrieval.retrieve(RetrievalService.Filter(code: "barrier"))
        #expect(page.items.isEmpty && !page.more)
        let coded = try await workspace.context.retrieval.retrieve(RetrievalService.Filter(code: "need"))
        #expect(coded.items.map(\.coding.quote).sorted() == ["Hur är nätterna", "ligger vaken"])
        // R14, whom the coded passage names, is read (and now cannot be): the damage is real.
        try damage("id = 'R14'")
        await #expect(throws: (any Error).self) { try await workspace.context.retrieval.retrieve(RetrievalService.Filter(code: "need")) }
    }
}
