@testable import FieldworkCore
import Foundation
import Testing

/// Folding the sessions' notes into the register: status over time, tracing to codes (named
/// and coded), residents counted, and the problems of references.
struct PolicyLabRegisterTests {
    static let codebook = Codebook(codes: [
        Code(id: "need.safety", name: "Safety", kind: .need),
        Code(id: "need.safety.falls", name: "Falls", kind: .need, parentID: "need.safety"),
        Code(id: "barrier.cost", name: "Cost", kind: .barrier),
        Code(id: "precondition.no_cost", name: "No cost", kind: .precondition),
        Code(id: "actor.vendor", name: "Vendor", kind: .actor),
    ])
    static let people = [Participant(id: "R01", role: .resident), Participant(id: "R02", role: .resident),
                         Participant(id: "S01", role: .staff)]

    static func note(_ id: String, document: String, date: String?, line: Int = 5, status: ProposalStatus? = nil,
                     answers: [String] = [], solutions: [String] = [], spans: [Range<Int>] = [], owner: String? = nil,
                     explicitDate: String? = nil) -> ProposalNote {
        ProposalNote(proposalID: id, title: "Title of \(id) in \(document)", documentID: document, path: "corpus/policy-lab/\(document).md",
                     documentDate: date, line: line, status: status, date: explicitDate, owner: owner,
                     answers: answers.map { .init(id: $0, line: line + 1) }, solutions: solutions.map { .init(id: $0, line: line + 2) },
                     spans: spans)
    }

    static func passage(_ code: String, document: String, start: Int, people: [String]) -> CodedPassage {
        let coding = Coding(id: "c-\(code)-\(start)", documentID: document, codeID: code, coder: "Maja", memo: nil,
                            anchor: TextQuoteAnchor(quote: "words", prefix: "", suffix: "", start: start, end: start + 5),
                            createdAt: Date(timeIntervalSince1970: 0))
        return CodedPassage(coding: coding, document: DocumentMetadata(id: document, type: .interview, title: document),
                            segmentIndex: 0, attribution: Attribution(participants: people, basis: people.isEmpty ? .groupNote : .speaker))
    }

    static func build(_ notes: [ProposalNote], passages: [CodedPassage] = []) -> (proposals: [Proposal], problems: [RegisterProblem]) {
        PolicyLabRegister.build(notes: notes, passages: passages, codebook: codebook, solutionIDs: ["door-sensor", "fall-detection"],
                                participants: people)
    }

    @Test func statusOverTimeFollowsTheDatesNotTheOrderRead() throws {
        let later = Self.note("P1", document: "pl-002", date: "2026-02-12", status: .decided, owner: "City office")
        let done = Self.note("P1", document: "pl-003", date: "2026-05-01", status: .done)
        let first = Self.note("P1", document: "pl-001", date: "2025-10-07", owner: "Care")   // no Status: proposed
        let proposal = try #require(Self.build([done, later, first]).proposals.first)
        #expect(proposal.history.map(\.status) == [.proposed, .decided, .done])
        #expect(proposal.history.map(\.documentID) == ["pl-001", "pl-002", "pl-003"])
        #expect(proposal.status == .done && proposal.date == "2026-05-01")
        #expect(proposal.owner == "City office")   // the latest owner named
        #expect(proposal.title == "Title of P1 in pl-003")
    }

    @Test func aNoteWithoutStatusKeepsTheStatusAndADateFieldOrdersIt() throws {
        let decided = Self.note("P2", document: "pl-001", date: "2025-10-07", status: .decided)
        let mention = Self.note("P2", document: "pl-002", date: "2026-02-12")
        let backdated = Self.note("P2", document: "pl-002", date: "2026-02-12", line: 30, status: .inProgress, explicitDate: "2026-01-15")
        let proposal = try #require(Self.build([decided, mention, backdated]).proposals.first)
        #expect(proposal.history.map(\.status) == [.decided, .inProgress, .inProgress])
        #expect(proposal.history.map(\.date) == ["2025-10-07", "2026-01-15", "2026-02-12"])
    }

    @Test func tracedByNameAndByCodingWithTheResidentsBehindEachCode() throws {
        let note = Self.note("P1", document: "pl-001", date: "2025-10-07", answers: ["need.safety"], spans: [100..<200])
        let passages = [
            Self.passage("need.safety.falls", document: "int-001", start: 10, people: ["R01"]),
            Self.passage("need.safety", document: "int-002", start: 10, people: ["R02", "S01"]),   // staff are no resident
            Self.passage("barrier.cost", document: "int-002", start: 40, people: ["R02"]),
            Self.passage("barrier.cost", document: "pl-001", start: 150, people: []),              // coded on the proposal
            Self.passage("actor.vendor", document: "pl-001", start: 160, people: []),             // actors answer nothing
            Self.passage("precondition.no_cost", document: "pl-001", start: 250, people: []),     // outside the proposal
        ]
        let proposal = try #require(Self.build([note], passages: passages).proposals.first)
        #expect(proposal.answers.map(\.codeID) == ["need.safety", "barrier.cost"])
        #expect(proposal.answers[0].named && !proposal.answers[0].coded)
        #expect(!proposal.answers[1].named && proposal.answers[1].coded)
        #expect(proposal.answers[0].residents == ["R01", "R02"])   // the need and the needs below it
        #expect(proposal.answers[1].residents == ["R02"])
        #expect(proposal.residents == ["R01", "R02"])
    }

    @Test func unknownReferencesAreProblemsNamingFileAndLine() throws {
        let note = Self.note("P1", document: "pl-001", date: "2025-10-07", line: 20,
                             answers: ["need.safety", "need.nope", "actor.vendor"], solutions: ["door-sensor", "robot"])
        let built = Self.build([note])
        #expect(built.problems.map(\.description) == [
            "corpus/policy-lab/pl-001.md:21: unknown code \"need.nope\" in proposal P1: it is not in the codebook",
            "corpus/policy-lab/pl-001.md:21: \"actor.vendor\" is a code of kind actor; a proposal answers needs, barriers and preconditions",
            "corpus/policy-lab/pl-001.md:22: unknown solution \"robot\" in proposal P1: it is not in codebooks/solutions.yaml",
        ])
        let proposal = try #require(built.proposals.first)
        #expect(proposal.answers.map(\.codeID) == ["need.safety"])
        #expect(proposal.solutions == ["door-sensor"])
    }

    @Test func proposalsInTheOrderTheyFirstAppear() {
        let built = Self.build([Self.note("P2", document: "pl-002", date: "2026-02-12"), Self.note("P10", document: "pl-001", date: "2025-10-07"),
                                Self.note("P1", document: "pl-001", date: "2025-10-07", line: 9)])
        #expect(built.proposals.map(\.id) == ["P10", "P1", "P2"])
    }
}
