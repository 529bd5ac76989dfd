import FieldworkCore
import Foundation

extension ConsentRule {
    /// The rule for what is produced now (the UTC day), for the person acting (`Acting`): material
    /// restricted to other coders is withheld like words without consent.
    public static func today(_ participants: [Participant], now: Date = Date()) -> ConsentRule {
        let acting = Acting.current
        return ConsentRule(participants: participants, today: UTCTime.isoDate(day: Int64((now.timeIntervalSince1970 / 86_400).rounded(.down))),
                           access: acting.access.rule(for: acting.coder))
    }
}
