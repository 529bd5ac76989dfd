import CCmark
import FieldworkCore

/// Turns Markdown into the leaf blocks a reader sees, with their source lines.
///
/// Inline markup is removed (emphasis, strong, links keep their text; images their alt text);
/// soft and hard line breaks become `\n`; code and raw HTML are kept verbatim as text, so
/// nothing typed in a transcript is lost and nothing in it is ever interpreted as markup.
public enum MarkdownBlocks {
    /// - Parameter lineOffset: lines that precede `markdown` in its file (the front matter), so
    ///   reported lines are the file's own.
    public static func parse(_ markdown: String, lineOffset: Int = 0) -> [TextBlock] {
        let document = CmarkDocument(markdown)
        var collector = BlockCollector(lineOffset: lineOffset)
        collector.visitContainer(CmarkNode(pointer: document.root), inListItem: false)
        return collector.blocks
    }
}

private struct BlockCollector {
    let lineOffset: Int
    var blocks: [TextBlock] = []

    mutating func visitContainer(_ node: CmarkNode, inListItem: Bool) {
        for child in node.children {
            switch child.type {
            case CMARK_NODE_PARAGRAPH:
                let leading = child.firstChild.flatMap { $0.type == CMARK_NODE_STRONG ? inlineText(of: $0) : nil }
                add(.paragraph, text: inlineText(of: child), leadingStrong: leading, node: child, inListItem: inListItem)
            case CMARK_NODE_HEADING:
                add(.heading(level: child.headingLevel), text: inlineText(of: child), node: child, inListItem: inListItem)
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                add(.literal, text: trimTrailingNewlines(child.literal), node: child, inListItem: inListItem)
            case CMARK_NODE_ITEM:
                visitContainer(child, inListItem: true)
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST:
                visitContainer(child, inListItem: inListItem)
            default:
                continue  // thematic breaks and custom blocks carry no text
            }
        }
    }

    private mutating func add(
        _ kind: TextBlock.Kind, text: String, leadingStrong: String? = nil, node: CmarkNode, inListItem: Bool
    ) {
        let lines = validLines(of: node)
        blocks.append(TextBlock(kind: kind, text: text, leadingStrong: leadingStrong, inListItem: inListItem,
                                lineStart: lines.lowerBound + lineOffset, lineEnd: lines.upperBound + lineOffset))
    }

    /// cmark reports impossible ranges for some blocks (0:0, or an end before the start);
    /// fall back to the previous block's end so that lines are never out of order or zero.
    private func validLines(of node: CmarkNode) -> ClosedRange<Int> {
        let previousEnd = (blocks.last?.lineEnd ?? lineOffset) - lineOffset
        let start = node.startLine > 0 ? node.startLine : max(1, previousEnd)
        let end = node.endLine >= start ? node.endLine : start
        return start...end
    }

    private func inlineText(of node: CmarkNode) -> String {
        var text = ""
        appendInline(node, to: &text)
        return text
    }

    private func appendInline(_ node: CmarkNode, to text: inout String) {
        for child in node.children {
            switch child.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                text += child.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += "\n"
            default:
                appendInline(child, to: &text)
            }
        }
    }

    private func trimTrailingNewlines(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        while scalars.last == "\n" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
