/// One leaf block of a Markdown document as a reader sees it: markup removed, with its lines.
///
/// The Markdown module produces these from cmark's tree; the segmenter turns them into plain
/// text and segments. Keeping this boundary means the segmentation rules are pure and testable
/// without a parser.
public struct TextBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case paragraph
        case heading(level: Int)
        /// Code blocks and raw HTML blocks: kept verbatim (as text, never as markup).
        case literal
    }

    public var kind: Kind
    public var text: String
    /// The plain text of a leading `**strong**` run, if the block opens with one: the usual way
    /// transcripts mark a speaker (`**R14:** ...`).
    public var leadingStrong: String?
    public var inListItem: Bool
    public var lineStart: Int
    public var lineEnd: Int

    public init(
        kind: Kind, text: String, leadingStrong: String? = nil, inListItem: Bool = false,
        lineStart: Int, lineEnd: Int
    ) {
        self.kind = kind
        self.text = text
        self.leadingStrong = leadingStrong
        self.inListItem = inListItem
        self.lineStart = lineStart
        self.lineEnd = lineEnd
    }
}
