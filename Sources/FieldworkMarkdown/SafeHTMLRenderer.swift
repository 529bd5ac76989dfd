/// Renders untrusted Markdown to HTML with cmark's safe mode: raw HTML is replaced by a comment
/// and `javascript:`, `vbscript:`, `file:` and most `data:` links are dropped.
public enum SafeHTMLRenderer {
    public static func render(_ markdown: String) -> String {
        CmarkDocument(markdown).renderHTML()
    }
}
