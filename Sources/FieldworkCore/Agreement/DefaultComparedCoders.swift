/// Which coders an agreement compares when nobody chose: everyone, except a coder whose few
/// documents would shrink what the others have in common.
///
/// Units are the segments of the documents every compared coder coded, so comparing everyone
/// let one new coder's single coding narrow six shared documents to one (found by a new user).
/// What a comparison weighs is its coders times their documents in common. Starting from
/// everyone, a coder is set aside while that weighs more (the one whose absence weighs most,
/// then the one with fewer documents, then by name), never below two coders: three coders with
/// six documents in common (18) stay together rather than two with seven (14); a newcomer who
/// coded one of them (4 × 1) is set aside, and the pages say so and offer them to tick.
public enum DefaultComparedCoders {
    /// `documents`: each coder's documents (with at least one anchored coding); the order of
    /// `coders` is kept in both answers.
    public static func choose(_ coders: [String], documents: [String: Set<String>]) -> (compared: [String], setAside: [String]) {
        // Each coder's documents as bits: a team of 50 coders asks for thousands of intersections.
        let index = Dictionary(Set(documents.values.joined()).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let words = (index.count + 63) / 64
        let bits = Dictionary(uniqueKeysWithValues: coders.map { coder in
            var set = [UInt64](repeating: 0, count: words)
            for document in documents[coder] ?? [] { if let at = index[document] { set[at / 64] |= 1 << UInt64(at % 64) } }
            return (coder, set)
        })
        func weight(_ group: [String]) -> Int {
            guard let first = group.first, var common = bits[first] else { return 0 }
            for coder in group.dropFirst() {
                guard let other = bits[coder] else { return 0 }
                for word in common.indices { common[word] &= other[word] }
            }
            return group.count * common.reduce(0) { $0 + $1.nonzeroBitCount }
        }
        var compared = coders
        while compared.count > 2 {
            let now = weight(compared)
            let candidates = compared.map { coder in (coder: coder, weight: weight(compared.filter { $0 != coder })) }
            // With nothing in common yet, setting one aside may not help at once (four coders,
            // two of them sharing): the one with the fewest documents goes first.
            guard let best = candidates.filter({ $0.weight > now || now == 0 }).min(by: { a, b in
                (-a.weight, documents[a.coder]?.count ?? 0, a.coder) < (-b.weight, documents[b.coder]?.count ?? 0, b.coder)
            }) else { break }
            compared.removeAll { $0 == best.coder }
        }
        // Nothing in common whoever is set aside: everyone, and the pages say nothing was compared.
        if weight(compared) == 0 { return (coders, []) }
        let kept = Set(compared)
        return (compared, coders.filter { !kept.contains($0) })
    }
}
