import FieldworkCore
import Testing

@Suite struct CooccurrenceTests {
    typealias Fixture = AgreementDecisionsTests

    @Test func countsSegmentsAndJaccard() {
        let documents = [CodedDocument(id: "d1", segments: Fixture.segments, codings: [
            Fixture.coding(0..<4, "need", "A"), Fixture.coding(2..<5, "barrier", "A"),
            Fixture.coding(12..<14, "need", "B"), Fixture.coding(22..<24, "barrier", "B"),
            Fixture.coding(25..<28, "need.night", "B"), Fixture.coding(0..<2, "need", "B"),
        ])]
        let any = Cooccurrence.count(documents, codebook: Fixture.codebook)
        // need: segments 0, 1 (2 segments); barrier: 0, 2; need.night: 2.
        #expect(any.codes.map { "\($0.code)=\($0.segments)" } == ["need=2", "need.night=1", "barrier=2"])
        #expect(any.pairs.map { "\($0.codeA)+\($0.codeB)=\($0.both)" } == ["need+barrier=1", "need.night+barrier=1"])
        #expect(any.pairs[0].jaccard == 1.0 / 3)
        #expect(any.pairs[1].jaccard == 0.5)
        #expect(any.codedSegments == 3)

        let onlyB = Cooccurrence.count(documents, coder: "B", codebook: Fixture.codebook)
        #expect(onlyB.pairs.map { "\($0.codeA)+\($0.codeB)=\($0.both)" } == ["need.night+barrier=1"])
        #expect(onlyB.codes.map { "\($0.code)=\($0.segments)" } == ["need=2", "need.night=1", "barrier=1"])
    }
}
