import Foundation

/// Small-cell suppression for outputs meant for publication (`--for-publication`): a count of
/// fewer than `k` participants is shown as "< k" (zero stays zero: it points at no one), and a
/// quote is attributed only to a group of at least `k` people in the register.
public struct SmallCells: Sendable, Hashable {
    public static let defaultK = 5
    public let k: Int

    public init(k: Int = SmallCells.defaultK) {
        self.k = k
    }

    public func suppresses(_ count: Int) -> Bool { count > 0 && count < k }

    public func show(_ count: Int) -> String { suppresses(count) ? "< \(k)" : String(count) }

    /// How a quote by `speakers` may be attributed: "Resident, 75–79" when at least k people of
    /// the register share that role and age band, else "Resident" when at least k share the
    /// role, else "Participant" (no group narrower than k is named).
    public func attribution(of speakers: [Participant], among register: [Participant]) -> String {
        guard speakers.count == 1, let speaker = speakers.first else { return "Participants" }
        let role = speaker.role.rawValue.prefix(1).uppercased() + speaker.role.rawValue.dropFirst()
        let sameRole = register.filter { $0.role == speaker.role }
        if let age = speaker.attributes["age_band"], !age.isEmpty,
           sameRole.filter({ $0.attributes["age_band"].map { AttributeValue.same($0, age) } ?? false }).count >= k {
            return "\(role), \(AttributeValue.display(age).replacingOccurrences(of: "-", with: "–"))"
        }
        return sameRole.count >= k ? role : "Participant"
    }
}
