import FieldworkCore
import Foundation
import Testing

@Suite struct AgreementDecisionsTests {
    static let codebook = Codebook(codes: [
        Code(id: "need", name: "Need", kind: .need, position: 0),
        Code(id: "need.night", name: "Night", kind: .need, parentID: "need", position: 0),
        Code(id: "barrier", name: "Barrier", kind: .barrier, position: 1),
    ])

    static func segment(_ index: Int, _ span: Range<Int>) -> Segment {
        Segment(index: index, kind: .turn, speaker: nil, headingPath: [], start: span.lowerBound, end: span.upperBound,
                lineStart: index + 1, lineEnd: index + 1)
    }

    static func coding(_ span: Range<Int>, _ code: String, _ coder: String, document: String = "d1",
                       status: CodingStatus = .anchored) -> Coding {
        Coding(id: "c-\(coder)-\(span.lowerBound)-\(code)", documentID: document, codeID: code, coder: coder, memo: nil,
               anchor: TextQuoteAnchor(quote: "", prefix: "", suffix: "", start: span.lowerBound, end: span.upperBound),
               status: status, createdAt: Date(timeIntervalSince1970: 0))
    }

    static let segments = [segment(0, 0..<10), segment(1, 12..<20), segment(2, 22..<30)]

    static var documents: [CodedDocument] {
        [CodedDocument(id: "d1", segments: segments, codings: [
            coding(5..<14, "need", "A"),          // across the gap: segments 0 and 1
            coding(12..<13, "need", "B"),
            coding(25..<26, "need.night", "B"),
            coding(10..<12, "barrier", "A"),      // only the gap between segments: applies to none
            coding(0..<3, "barrier", "B", status: .orphaned),
         ]),
         CodedDocument(id: "d2", segments: segments, codings: [coding(0..<5, "barrier", "A", document: "d2")])]
    }

    @Test func unitsAreSegmentsOfDocumentsEveryCoderCoded() {
        let decisions = AgreementDecisions.build(documents: Self.documents, coders: ["A", "B"], codebook: Self.codebook)
        #expect(decisions.documents == ["d1"])
        #expect(decisions.leftOut == [.init(documentID: "d2", codedBy: ["A"], notCodedBy: ["B"])])
        #expect(decisions.units.map(\.segmentIndex) == [0, 1, 2])
        // The orphaned coding and the coding of the gap apply nothing; barrier is still a compared code
        // only if applied, so it is not.
        #expect(decisions.codes == ["need", "need.night"])
        #expect(decisions.matrix(for: "need").rows == [[true, false], [true, true], [false, false]])
        #expect(decisions.matrix(for: "need.night").rows == [[false, false], [false, false], [false, true]])
        let report = decisions.report()
        #expect(report.disagreements.map { "\($0.unit.segmentIndex) \($0.code) \($0.appliedBy) \($0.notAppliedBy)" }
            == [#"0 need ["A"] ["B"]"#, #"2 need.night ["B"] ["A"]"#])
        #expect(report.overall.units == 6)
        #expect(report.codes.map(\.summary.units) == [3, 3])
    }

    @Test func includeChildrenCreditsTheCodesAbove() {
        let decisions = AgreementDecisions.build(documents: Self.documents, coders: ["A", "B"], codebook: Self.codebook,
                                                 code: "need", includeChildren: true)
        #expect(decisions.codes == ["need"])
        #expect(decisions.matrix(for: "need").rows == [[true, false], [true, true], [false, true]])
        let plain = AgreementDecisions.build(documents: Self.documents, coders: ["A", "B"], codebook: Self.codebook, code: "need")
        #expect(plain.matrix(for: "need").rows == [[true, false], [true, true], [false, false]])
    }

    @Test func aCoderWithoutCodingsLeavesEveryDocumentOut() {
        let decisions = AgreementDecisions.build(documents: Self.documents, coders: ["A", "C"], codebook: Self.codebook)
        #expect(decisions.units.isEmpty)
        #expect(decisions.leftOut.map(\.documentID) == ["d1", "d2"])
        let report = decisions.report()
        #expect(report.overall.fleissKappa.undefinedReason == "no units to compare")
    }
}
