import FieldworkCore

/// Splits a corpus file into its YAML front matter and its Markdown body (public for importers
/// that put a document's body under a front matter of their own).
public struct FrontMatter {
    public let yaml: String
    public let body: String
    /// Lines before the body (front matter and its fences), to report the body's lines as the file's.
    public let bodyLineOffset: Int

    public static func split(_ text: String, path: String) throws -> FrontMatter {
        // Walk line by line only through the front matter; the body is sliced, not split.
        var cursor = text.startIndex
        var lineNumber = 0
        func nextLine() -> Substring? {
            guard cursor < text.endIndex else { return nil }
            let end = text[cursor...].firstIndex(of: "\n") ?? text.endIndex
            defer { cursor = end < text.endIndex ? text.index(after: end) : end }
            lineNumber += 1
            return text[cursor..<end]
        }
        guard let first = nextLine(), first.trimmingSpaces == "---" else {
            throw SourceProblem(file: path, line: 1, "missing YAML front matter: the file must start with a line '---'")
        }
        let yamlStart = cursor
        while true {
            let lineStart = cursor
            guard let line = nextLine() else {
                throw SourceProblem(file: path, line: 1, "the front matter opened on line 1 is never closed with '---'")
            }
            let fence = line.trimmingSpaces
            if fence == "---" || fence == "..." {
                return FrontMatter(yaml: String(text[yamlStart..<lineStart]), body: String(text[cursor...]),
                                   bodyLineOffset: lineNumber)
            }
        }
    }
}

extension Substring {
    var trimmingSpaces: String { String(self).trimmingSpaces }
}
