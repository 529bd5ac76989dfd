extension AttributeValue {
    /// Every participant attribute as `key=value`, one per value as `same` compares them (the
    /// first spelling met, in participant id order, shown with plain dashes), sorted by key and
    /// value: the choices of the retrieval page's attribute picker, so nobody has to guess how a
    /// value was typed.
    public static func choices(of participants: [Participant]) -> [String] {
        choices(of: participants.flatMap { participant in
            participant.attributes.map { AttributeOccurrence(key: $0.key, value: $0.value, holders: [participant.id]) }
        })
    }

    /// The same choices from the store's distinct values (`participantAttributeValues()`).
    public static func choices(of occurrences: [AttributeOccurrence]) -> [String] {
        var seen: Set<String> = []
        var choices: [(key: String, value: String)] = []
        for occurrence in occurrences.sorted(by: { ($0.firstParticipant, $0.key, $0.value) < ($1.firstParticipant, $1.key, $1.value) }) {
            let shown = display(occurrence.value)
            guard !shown.isEmpty, seen.insert("\(occurrence.key)=\(shown.lowercased())").inserted else { continue }
            choices.append((occurrence.key, shown))
        }
        return choices.sorted { ($0.key, $0.value.lowercased()) < ($1.key, $1.value.lowercased()) }.map { "\($0.key)=\($0.value)" }
    }
}
