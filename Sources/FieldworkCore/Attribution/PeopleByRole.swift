/// People grouped by role: residents are whom the study is about; relatives and staff speak
/// about them and must never inflate a resident count, so every view counts them apart.
public struct PeopleByRole: Sendable, Hashable {
    public var residents: [String] = []
    public var relatives: [String] = []
    public var staff: [String] = []
    /// Researchers and others.
    public var others: [String] = []

    public init() {}

    /// Each person once, sorted by id within each role.
    public init<S: Sequence>(_ people: S) where S.Element == Participant {
        for person in Set(people).sorted(by: { $0.id < $1.id }) {
            switch person.role {
            case .resident: residents.append(person.id)
            case .relative: relatives.append(person.id)
            case .staff: staff.append(person.id)
            case .researcher, .other: others.append(person.id)
            }
        }
    }

    public var total: Int { residents.count + relatives.count + staff.count + others.count }

    /// "3 residents (R01, R03, R06) · 1 relative (R11) · 2 staff (S01, S02)"; empty roles left out.
    public var summary: String {
        let parts: [(String, String, [String])] = [
            ("resident", "residents", residents), ("relative", "relatives", relatives),
            ("staff", "staff", staff), ("other", "others", others),
        ]
        return parts.filter { !$0.2.isEmpty }
            .map { "\($0.2.count) \($0.2.count == 1 ? $0.0 : $0.1) (\($0.2.joined(separator: ", ")))" }
            .joined(separator: " · ")
    }
}
