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
