import FieldworkCore
@testable import FieldworkServices
import Foundation
import Testing

/// The register from real Markdown notes in a real workspace: cmark's segments and lines, the
/// codings on a proposal's text, two sessions updating one proposal, and the CSV export.
@Suite struct PolicyLabRegisterServiceTests {
    static func policyLab(id: String, date: String, body: String) -> String {
        """
        ---
        id: \(id)
        type: policy-lab
        title: Policylabb \(id)
        date: \(date)
        language: sv
        participants: [R14]
        administrations: [care]
        ---
        \(body)
        """
    }

    static let first = policyLab(id: "pl-001", date: "2025-10-07", body: """
        # Policylabb

        ## Förslag P1: Nattlarm som inte väcker grannarna

        Larm som kostar invånaren ingenting.

        - Status: föreslagen
        - Ansvarig: Vård och omsorg
        - Svarar på: need.safety.night

        ## Förslag P2: Utan status

        Bara text.
        """)

    static let second = policyLab(id: "pl-002", date: "2026-02-12", body: """
        # Uppföljning

        ## Förslag P1

        - Status: beslutad
        - Beslut: Staden betalar.
        - Datum: 2026-02-01
        """)

    /// Both sessions' notes and one resident who speaks of the night, coded `need.safety.night`.
    static func twoSessionsAndAResidentsNeed() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/interviews/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Jag är rädd på natten."))
        try workspace.write("corpus/policy-lab/pl-001.md", Self.first)
        try workspace.write("corpus/policy-lab/pl-002.md", Self.second)
        #expect(try await workspace.ingest().succeeded)
        _ = try await workspace.code("int-014", quote: "rädd på natten", code: "need.safety.night")
        return workspace
    }

    @Test func twoSessionsOneProposalTracedByNameAndByCoding() async throws {
        let workspace = try await Self.twoSessionsAndAResidentsNeed()
        _ = try await workspace.code("pl-001", quote: "kostar invånaren ingenting", code: "barrier.cost")

        let register = try await workspace.context.policyLabRegister.register()
        #expect(register.problems.isEmpty, "\(register.problems)")
        #expect(register.proposals.map(\.id) == ["P1", "P2"])
        let p1 = register.proposals[0]
        #expect(p1.title == "Nattlarm som inte väcker grannarna")   // a later heading without a title keeps it
        #expect(p1.history.map(\.status) == [.proposed, .decided])
        #expect(p1.history.map(\.date) == ["2025-10-07", "2026-02-01"])
        #expect(p1.history.map(\.line) == [14, 14])
        #expect(p1.status == .decided && p1.owner == "Vård och omsorg" && p1.decision == "Staden betalar.")
        #expect(p1.answers.map(\.codeID) == ["need.safety.night", "barrier.cost"])
        #expect(p1.answers[0].named && p1.answers[0].residents == ["R14"])
        #expect(p1.answers[1].coded && !p1.answers[1].named)
        #expect(p1.text == ["Larm som kostar invånaren ingenting."])
        #expect(register.proposals[1].status == .proposed && register.proposals[1].answers.isEmpty)
    }

    @Test func badFieldsAreProblemsWithTheirMarkdownLine() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/policy-lab/pl-003.md", Self.policyLab(id: "pl-003", date: "2026-03-01", body: """
            # Labb

            ## Förslag P7: Något

            - Status: färdig
            - Datum: 2026-3-1
            - Svarar på: need.safety.nope
            """))
        #expect(try await workspace.ingest().succeeded)
        let register = try await workspace.context.policyLabRegister.register()
        #expect(register.problems.map(\.description) == [
            "corpus/policy-lab/pl-003.md:14: unknown status \"färdig\" in proposal P7; write \(ProposalStatus.accepted)",
            "corpus/policy-lab/pl-003.md:15: malformed date \"2026-3-1\" after Datum: in proposal P7; write YYYY-MM-DD, e.g. 2026-02-12",
            "corpus/policy-lab/pl-003.md:16: unknown code \"need.safety.nope\" in proposal P7: it is not in the codebook",
        ])
        #expect(register.proposals.first?.status == .proposed)
    }

    @Test func theCSVHasOneRowPerProposalAndCountsResidentsSmallCellsForPublication() async throws {
        let workspace = try await Self.twoSessionsAndAResidentsNeed()
        let export = PolicyLabRegisterExport(workspace: workspace.context.workspace, store: workspace.store)
        let plain = try await export.render()
        let lines = plain.csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "proposal,title,status,date,owner,decision,due,needs,barriers,preconditions,residents,solutions,history")
        #expect(lines[1] == "P1,Nattlarm som inte väcker grannarna,decided,2026-02-01,Vård och omsorg,Staden betalar.,,"
                + "need.safety.night (1),,,1,,2025-10-07 proposed (pl-001) → 2026-02-01 decided (pl-002)")
        #expect(lines[2].hasPrefix("P2,Utan status,proposed,2025-10-07,"))
        #expect(plain.metadata.export == "register" && plain.metadata.smallCellsBelow == nil)
        let published = try await export.render(smallCells: SmallCells(k: 5))
        #expect(published.csv.contains("need.safety.night (< 5),,,< 5,"))
        #expect(!published.csv.contains("R14") && !plain.csv.contains("R14"))
        #expect(published.metadata.smallCellsBelow == 5)
    }
}
