import FieldworkCore
import Foundation

extension ConsentRule {
    /// The rule for what is produced now (the UTC day).
    public static func today(_ participants: [Participant], now: Date = Date()) -> ConsentRule {
        ConsentRule(participants: participants, today: UTCTime.isoDate(day: Int64((now.timeIntervalSince1970 / 86_400).rounded(.down))))
    }
}
