/// A stretch of a document's plain text: enough to anchor a span without loading the whole text.
///
/// A coding write needs only the quote and ~32 scalars around it; fetching a window (the store
/// cuts it out in scalar units) keeps a write on a 20,000-word transcript as cheap as on a short one.
public struct TextWindow: Sendable, Hashable {
    /// Scalar offset of `text`'s first scalar in the document.
    public var offset: Int
    public var text: String
    /// Length of the whole document text in scalars, or a lower bound of it when the document
    /// goes on past the window (then `offset + text` scalars, the window's end, is that bound).
    public var documentLength: Int
    /// The document's revision the window was cut from (each ingest that changes it adds one).
    public var revision: Int

    public init(offset: Int, text: String, documentLength: Int, revision: Int = 1) {
        self.offset = offset
        self.text = text
        self.documentLength = documentLength
        self.revision = revision
    }

    /// The window a coding write reads for `span`: its quote and, either side, the anchor's
    /// context or as far as a speaker label touching the span can reach, whichever is more. From
    /// this one window a write anchors the span and tells whether it holds only a label
    /// (`SpeakerLabelSpan`), with no second read.
    public static func bounds(around span: Range<Int>) -> Range<Int> {
        let reach = max(TextQuoteAnchor.contextLength, SpeakerLabelSpan.reach)
        return max(0, span.lowerBound - reach)..<max(0, min(span.upperBound, Int.max - reach) + reach)
    }
}

/// What a store hands to the code that builds a new coding, read in the transaction that inserts it.
public struct NewCodingContext: Sendable {
    /// The document's text around the requested span (`TextWindow.bounds(around:)`).
    public var window: TextWindow
    /// Whether the codebook holds the requested code.
    public var codeExists: Bool
    /// The document's turns that begin near the span (`SpeakerLabelSpan.turnStarts(near:)`),
    /// read only when the window could not clear the span of being a speaker label alone
    /// (`SpeakerLabelSpan.mayBeLabel`); empty otherwise, as for nearly every write.
    public var turnsNearSpan: [Segment]

    public init(window: TextWindow, codeExists: Bool, turnsNearSpan: [Segment] = []) {
        self.window = window
        self.codeExists = codeExists
        self.turnsNearSpan = turnsNearSpan
    }
}
