import FieldworkCore
import Foundation
import Testing

/// The report's evidence in an adjudicated study: the consensus's decision where it decided,
/// nothing where a code was dismissed, everyone's codings elsewhere.
@Suite struct ConsensusEvidenceTests {
    static func passage(_ code: String, coder: String, segment: Int, start: Int, document: String = "int-001") -> CodedPassage {
        let coding = Coding(id: "c-\(coder)-\(code)-\(start)", documentID: document, codeID: code, coder: coder, memo: nil,
                            anchor: TextQuoteAnchor(quote: "words", prefix: "", suffix: "", start: start, end: start + 5),
                            createdAt: Date(timeIntervalSince1970: 0))
        return CodedPassage(coding: coding, document: DocumentMetadata(id: document, type: .interview, title: document),
                            segmentIndex: segment, attribution: Attribution(participants: ["R01"], basis: .speaker))
    }

    @Test func theConsensusDecidesWhereItDecidedAndCodersCountElsewhere() {
        let passages = [
            // Segment 0 (0–100): two coders applied need.safety, the consensus accepted it.
            Self.passage("need.safety", coder: "Maja", segment: 0, start: 10),
            Self.passage("need.safety", coder: "Jonas", segment: 0, start: 12),
            Self.passage("need.safety", coder: Consensus.coder, segment: 0, start: 0),
            // Same segment: one coder's need.sleep, dismissed.
            Self.passage("need.sleep", coder: "Samira", segment: 0, start: 40),
            // Same segment: a code everyone applied, never disputed, no consensus coding.
            Self.passage("emotion.fear", coder: "Maja", segment: 0, start: 50),
            Self.passage("emotion.fear", coder: "Jonas", segment: 0, start: 50),
            // Segment 1 (100–200): not adjudicated; need.sleep there stays.
            Self.passage("need.sleep", coder: "Samira", segment: 1, start: 120),
            // Another document where need.sleep was not dismissed.
            Self.passage("need.sleep", coder: "Samira", segment: 0, start: 40, document: "int-002"),
        ]
        let dismissals = [ConsensusEvidence.Dismissal(documentID: "int-001", code: "need.sleep", start: 0, end: 100)]
        let kept = ConsensusEvidence.select(passages, dismissals: dismissals).map { "\($0.document.id) \($0.coding.codeID) \($0.coding.coder) \($0.coding.start)" }
        #expect(kept == [
            "int-001 need.safety Consensus 0",
            "int-001 emotion.fear Maja 50",
            "int-001 emotion.fear Jonas 50",
            "int-001 need.sleep Samira 120",
            "int-002 need.sleep Samira 40",
        ])
        // Without adjudication everything counts.
        #expect(ConsensusEvidence.select(passages.filter { $0.coding.coder != Consensus.coder }, dismissals: []).count == 7)
    }
}
