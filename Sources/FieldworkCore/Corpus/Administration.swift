/// The city administrations a resident can be supported by. Short stable ids appear in YAML,
/// exports and queries; the names are for people.
public enum Administration: String, Sendable, Codable, CaseIterable {
    case social
    case care
    case labour
    case school
    case leisure

    public var displayName: String {
        switch self {
        case .social: "Social services"
        case .care: "Care and welfare"
        case .labour: "Labour market"
        case .school: "School"
        case .leisure: "Leisure"
        }
    }
}
