import FieldworkCore
import Testing

@Suite struct AdjudicationNoteTests {
    @Test func aNoteReadsBackFromItsMemoText() {
        let dismissed = AdjudicationNote(kind: .dismissed(code: "need.safety.night"), start: 120, end: 260, body: "Dismissed by Maja Lind.")
        #expect(dismissed.memoText == "Adjudication: dismissed code=need.safety.night passage=120-260\nDismissed by Maja Lind.")
        #expect(AdjudicationNote(memoText: dismissed.memoText) == dismissed)
        let discussion = AdjudicationNote(kind: .discussion, start: 0, end: 9, body: "Two lines\nof talk.")
        #expect(AdjudicationNote(memoText: discussion.memoText) == discussion)
    }

    /// Any other memo, or a damaged first line, is not mistaken for a decision.
    @Test func otherMemosAreNoNotes() {
        for text in ["A memo about adjudication.", "Adjudication: dismissed code=x passage=9-3", "Adjudication: dismissed passage=1-3",
                     "Adjudication: accepted code=x passage=1-3", "Adjudication: discussion passage=1-3 extra", "Adjudication: discussion passage=a-3"] {
            #expect(AdjudicationNote(memoText: text) == nil, "\(text)")
        }
    }

    /// The decider is read back from a consensus coding's memo as it was written, and from nothing else.
    @Test func theDeciderReadsBackFromAnAcceptanceMemo() {
        let memo = Consensus.acceptanceMemo(by: "Maja Lind")
        #expect(Consensus.decider(ofAcceptanceMemo: memo, coder: Consensus.coder) == "Maja Lind")
        #expect(Consensus.decider(ofAcceptanceMemo: memo, coder: "Maja Lind") == nil)
        for edited in ["accepted by ", "Accepted by Bo", "they accepted by Bo", "natt"] {
            #expect(Consensus.decider(ofAcceptanceMemo: edited, coder: Consensus.coder) == nil, "\(edited)")
        }
    }
}
