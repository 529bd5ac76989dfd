import FieldworkCore
import FieldworkServices
import Foundation

// JSON shapes of `/api/disagreements` (snake_case on the wire).

struct AdjudicationJSON: Encodable, Sendable {
    let consensusCoder: String
    let coders: [String]
    /// Coders not compared by default (`DefaultComparedCoders`), as `/api/agreement` says.
    let setAside: [String]
    let passages: [PassageJSON]

    init(_ report: AdjudicationService.Report) {
        consensusCoder = Consensus.coder
        coders = report.coders
        setAside = report.setAside
        passages = report.passages.map(PassageJSON.init)
    }
}

struct PassageJSON: Encodable, Sendable {
    struct CoderCodes: Encodable, Sendable {
        let coder: String
        let codes: [String]
    }

    /// `state`: open, accepted (into the consensus; `coding` is its id) or dismissed (`memo`).
    struct Decision: Encodable, Sendable {
        let code: String
        let appliedBy, notAppliedBy: [String]
        let orphanedBy: [String]
        let state: String
        @AlwaysEncoded var decidedBy: String?
        @AlwaysEncoded var coding: String?
        @AlwaysEncoded var memo: String?

        init(_ decision: AdjudicationService.Decision) {
            code = decision.code
            appliedBy = decision.appliedBy
            notAppliedBy = decision.notAppliedBy
            orphanedBy = decision.orphanedBy
            var state = "open", coding: String?, memo: String?, decidedBy: String?
            switch decision.state {
            case .open: break
            case .accepted(let id, let by): (state, coding, decidedBy) = ("accepted", id, by)
            case .dismissed(let id, let by): (state, memo, decidedBy) = ("dismissed", id, by)
            }
            self.state = state
            self.coding = coding
            self.memo = memo
            self.decidedBy = decidedBy
        }
    }

    let document: String
    let segment, start, end: Int
    let text: String
    let codes: [CoderCodes]
    let decisions: [Decision]
    @AlwaysEncoded var discussion: MemoJSON?

    init(_ passage: AdjudicationService.Passage) {
        document = passage.documentID
        segment = passage.segment
        start = passage.start
        end = passage.end
        text = passage.text
        codes = passage.codesByCoder.map { CoderCodes(coder: $0.coder, codes: $0.codes) }
        decisions = passage.decisions.map(Decision.init)
        discussion = passage.discussion.map(MemoJSON.init)
    }
}

/// `by`: who decides (recorded on the consensus coding or the dismissal memo).
struct AdjudicationDecisionRequest: Decodable {
    let document: String
    let start, end: Int
    let code, by: String
}

/// `version`: the discussion memo's version when it already exists (409 if someone saved meanwhile).
struct DiscussionRequest: Decodable {
    let document: String
    let start, end: Int
    let text, by: String
    let version: Int?
}
