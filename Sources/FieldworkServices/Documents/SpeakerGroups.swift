/// Whose words each segment of a document holds, as the distinct sets of speakers and, for each
/// segment, which set: an interview has a handful of sets over hundreds of segments, so consent
/// is decided once per set on every open instead of once per segment.
struct SpeakerGroups: Sendable, Equatable {
    /// Each set once, in the order the segments first name it.
    let distinct: [[String]]
    /// Per segment (in the document's order), the index of its set in `distinct`.
    let group: [Int]

    init(_ people: [[String]]) {
        var index: [[String]: Int] = [:]
        var distinct: [[String]] = []
        group = people.map { set in
            if let known = index[set] { return known }
            index[set] = distinct.count
            distinct.append(set)
            return distinct.count - 1
        }
        self.distinct = distinct
    }

    /// The set of segment `position`.
    func people(of position: Int) -> [String] { distinct[group[position]] }
}
