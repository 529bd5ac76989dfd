/// Hides participants' ids in free text meant for publication. Facilitators write "R05 stressed
/// …" or "Participants: S03, S04, R05" in notes; a pseudonym in a document for the city narrows
/// who said what below any k, so publication outputs show a neutral mark instead.
public struct PseudonymMask: Sendable {
    public static let mark = "[…]"
    private let ids: Set<String>

    public init(ids: Set<String>) { self.ids = ids }

    /// `text` with every whole-word occurrence of an id replaced by `mark` ("R05." → "[…].",
    /// "R050" and "XR05" untouched).
    public func apply(_ text: String) -> String {
        guard !ids.isEmpty else { return text }
        var result = ""
        var word = ""
        func flush() {
            result += ids.contains(word) ? Self.mark : word
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                word.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
