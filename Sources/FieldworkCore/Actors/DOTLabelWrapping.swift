/// Line breaks for node labels in the actor map.
///
/// Graphviz lays a label out as one line unless told otherwise: a name of ~250 characters made
/// a node so wide that `dot` (2.43) failed with "triangulation failed" and no SVG. Labels are
/// broken at spaces into lines of at most `width` characters; a single word longer than that
/// is cut into pieces of `width`. Line breaks the text already has are kept.
public enum DOTLabelWrapping {
    public static let width = 36

    public static func wrapped(_ text: String, width: Int = DOTLabelWrapping.width) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: max(1, width)) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int) -> String {
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > width {  // a word with no place to break
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if word.isEmpty { continue }
            if current.isEmpty { current = String(word) }
            else if current.count + 1 + word.count <= width { current += " " + word }
            else { lines.append(current); current = String(word) }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
