@testable import FieldworkServices
import Testing

/// The line edits of an erasure leave everything but the participant as the team wrote it.
struct ErasureTextTests {
    @Test func aRegisterEntryGoesWithItsNestedLinesAndNothingElse() {
        let register = """
            # register
            participants:
              - id: R07
                role: resident
                consents:
                  - {id: c-r07, date: 2025-01-01, scopes: [interview]}

              # R08 joined later
              - id: R08
                role: resident
            """
        let edited = ErasureText.removeListItems(register) { ErasureText.item($0, has: "id", "R07") }
        #expect(edited == """
            # register
            participants:
              # R08 joined later
              - id: R08
                role: resident
            """)
    }

    @Test func thePseudonymLeavesFrontMatterAndRostersButNotOtherText() {
        let file = """
            ---
            id: ws-1
            participants: [R07, R08]
            ---
            ## Grupp A

            Deltagare: R07, R08.

            - Jag saknar min katt (R07).

            - R07 nämns här i text.
            """
        let edited = ErasureText.redactCorpusFile(file, dropping: [9], participant: "R07")
        #expect(edited == """
            ---
            id: ws-1
            participants: [R08]
            ---
            ## Grupp A

            Deltagare: R08.

            - R07 nämns här i text.
            """)
        #expect(ErasureText.removeToken("R07", fromListLine: "participants:\n"[...].dropLast()) == "participants:")
    }
}
