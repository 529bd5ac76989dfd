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
        var compared = coders
        func weight(_ group: [String]) -> Int {
            guard var common = group.first.flatMap({ documents[$0] }) else { return 0 }
            for coder in group.dropFirst() { common.formIntersection(documents[coder] ?? []) }
            return group.count * common.count
        }
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
