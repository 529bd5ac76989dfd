extension AttributeValue {
    /// Every participant attribute as `key=value`, one per value as `same` compares them (the
    /// first spelling met, shown with plain dashes), sorted by key and value: the choices of
    /// the retrieval page's attribute picker, so nobody has to guess how a value was typed.
    public static func choices(of participants: [Participant]) -> [String] {
        var seen: Set<String> = []
        var choices: [(key: String, value: String)] = []
        for participant in participants.sorted(by: { $0.id < $1.id }) {
            for (key, value) in participant.attributes.sorted(by: { $0.key < $1.key }) {
                let shown = display(value)
                guard !shown.isEmpty, seen.insert("\(key)=\(shown.lowercased())").inserted else { continue }
                choices.append((key, shown))
            }
        }
        return choices.sorted { ($0.key, $0.value.lowercased()) < ($1.key, $1.value.lowercased()) }.map { "\($0.key)=\($0.value)" }
    }
}
