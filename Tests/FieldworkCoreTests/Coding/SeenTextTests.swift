import FieldworkCore
import Testing

@Suite struct SeenTextTests {
    @Test func theSameRevisionIsTrustedAnotherOnlyWithTheSameWords() {
        let seen = SeenText(revision: 3, quote: "på natten\nJag")
        #expect(seen.stillMeans("något annat", currentRevision: 3))
        #expect(seen.stillMeans("på natten\n\nJag", currentRevision: 4))  // a page shows a paragraph break as one line
        #expect(!seen.stillMeans("på dagen\n\nJag", currentRevision: 4))
        #expect(!seen.stillMeans(nil, currentRevision: 4))  // the span is no longer inside the text
        #expect(!SeenText(revision: 3, quote: nil).stillMeans("på natten", currentRevision: 4))
    }
}
