import FieldworkCore
import Testing

@Suite struct UnknownSpeakersTests {
    static func change(_ speakers: [String], interviewer: String? = "A. Researcher") -> DocumentChange {
        let segments = speakers.enumerated().map { index, speaker in
            Segment(index: index, kind: .turn, speaker: speaker, headingPath: [], start: index * 10, end: index * 10 + 5,
                    lineStart: 10 + 2 * index, lineEnd: 10 + 2 * index)
        }
        return DocumentChange(
            file: SourceFileState(path: "corpus/int-1.md", contentHash: "h", documentID: "int-1", parserVersion: 1),
            metadata: DocumentMetadata(id: "int-1", type: .interview, title: "t", interviewer: interviewer),
            text: SegmentedText(plainText: "", segments: segments))
    }

    @Test func participantsTheInterviewerAndInterviewerWordsAreKnown() {
        let known: Set = ["R01", "R06", "R10"]
        #expect(UnknownSpeakers.warnings(in: Self.change(["R01", "Intervjuare", "INTERVIEWER", "a. researcher", "I", "Moderator"]),
                                         known: known).isEmpty)
    }

    @Test func aTypoIsNamedOnceAtItsFirstTurnWithTheNearestPseudonyms() {
        let warnings = UnknownSpeakers.warnings(in: Self.change(["R01", "R6", "R6", "Gäst", "r01"]), known: ["R01", "R06", "R10"])
        #expect(warnings.map(\.location.line) == [12, 16, 18])
        #expect(warnings[0].message.hasPrefix("speaker 'R6' is not in corpus/participants.yaml"))
        #expect(warnings[0].message.hasSuffix("; did you mean R06?"))
        #expect(!warnings[1].message.contains("did you mean"))  // nothing near "Gäst"
        #expect(warnings[2].message.hasSuffix("; did you mean R01, R06?"))  // labels are compared exactly, as consent compares them
    }
}
