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

    /// The window an anchor of `span` needs: its quote and up to `context` scalars either side.
    /// After the span it reaches a little further, so that a coding write can tell from the same
    /// window whether a short span may be only a speaker label (`SpeakerLabelSpan.mayBeLabel`).
    public static func bounds(around span: Range<Int>, context: Int = TextQuoteAnchor.contextLength) -> Range<Int> {
        let after = max(context, SpeakerLabelSpan.reachAfter)
        return max(0, span.lowerBound - context)..<max(0, min(span.upperBound, Int.max - after) + after)
    }
}

/// What a store hands to the code that builds a new coding, read in the transaction that inserts it.
public struct NewCodingContext: Sendable {
    /// The document's text around the requested span.
    public var window: TextWindow
    /// Whether the codebook holds the requested code.
    public var codeExists: Bool

    public init(window: TextWindow, codeExists: Bool) {
        self.window = window
        self.codeExists = codeExists
    }
}
