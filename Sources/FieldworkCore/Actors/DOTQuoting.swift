/// Quoting for Graphviz DOT, so that any text — an actor's name typed by anyone — is one
/// harmless quoted string.
public enum DOTQuoting {
    /// `text` as a double-quoted DOT string, usable as an id and as a label.
    ///
    /// Backslashes are doubled (so a trailing `\` cannot escape the closing quote and `\N`, `\G`
    /// or `\l` stay literal instead of becoming Graphviz label escapes), quotes escaped, newlines
    /// become `\n` line breaks, other control characters (a CR of CRLF too) are dropped (Graphviz rejects some), and
    /// `&` becomes `&amp;` because Graphviz decodes HTML entities in labels: `A &lt; B` must stay
    /// as typed. `<` needs nothing in a quoted (non-HTML) label. DOT keywords (`node`, `graph`,
    /// `edge`, `subgraph`, `strict`, `digraph`) are ordinary strings once quoted.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\u{2028}", "\u{2029}": out += "\\n"
            case "&": out += "&amp;"
            case _ where scalar.properties.generalCategory == .control: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
