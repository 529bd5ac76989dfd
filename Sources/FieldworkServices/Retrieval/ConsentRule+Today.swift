import FieldworkCore
import Foundation

extension ConsentRule {
    /// The rule for what is produced now (the UTC day), for the person acting (`Acting`): material
    /// restricted to other coders is withheld like words without consent.
    public static func today(_ participants: [Participant], now: Date = Date()) -> ConsentRule {
        Occasion.now(now).rule(participants)
    }

    /// Everything the rule depends on besides the register: the UTC day and the acting person's
    /// access. Two answers on the same occasion over the same register entries are the same, so
    /// what is worked out from them may be kept under it (`DocumentContentCache.consentMask`).
    struct Occasion: Hashable {
        let day: Int64
        let access: AccessRule?

        static func now(_ now: Date = Date()) -> Occasion {
            let acting = Acting.current
            return Occasion(day: Int64((now.timeIntervalSince1970 / 86_400).rounded(.down)), access: acting.access.rule(for: acting.coder))
        }

        func rule(_ participants: [Participant]) -> ConsentRule {
            ConsentRule(participants: participants, today: UTCTime.isoDate(day: day), access: access)
        }
    }
}
