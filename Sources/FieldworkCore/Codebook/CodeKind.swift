/// What a code stands for. `need`, `barrier`, `precondition` and `actor` drive the needs
/// register, actor maps and handouts; the others are for analysis.
public enum CodeKind: String, Sendable, Codable, CaseIterable {
    case need
    case barrier
    case precondition
    case actor
    case theme
    case emotion
    case other
}

extension CodeKind {
    /// "a barrier code", "an actor code": how messages name a code of this kind.
    public var codeWithArticle: String {
        ("aeiou".contains(rawValue.first!) ? "an " : "a ") + rawValue + " code"
    }
}
