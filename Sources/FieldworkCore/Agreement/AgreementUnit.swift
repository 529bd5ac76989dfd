/// The unit of agreement: one segment (speaker turn, paragraph or list item) of a document that
/// every compared coder has coded. For each code, each coder decides each unit: applied or not.
public struct AgreementUnit: Sendable, Hashable {
    public var documentID: String
    public var segmentIndex: Int
    /// The segment's span in the document's plain text, Unicode scalars, end exclusive.
    public var start: Int
    public var end: Int

    public init(documentID: String, segmentIndex: Int, start: Int, end: Int) {
        self.documentID = documentID
        self.segmentIndex = segmentIndex
        self.start = start
        self.end = end
    }

    public init(documentID: String, segment: Segment) {
        self.init(documentID: documentID, segmentIndex: segment.index, start: segment.start, end: segment.end)
    }
}
