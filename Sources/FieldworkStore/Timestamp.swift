import FieldworkCore
import Foundation

/// Timestamps are stored as UTC ISO 8601 text with milliseconds (`2026-11-27T13:29:38.123Z`):
/// readable in any SQLite browser, sortable as text, and the same in PostgreSQL. Conversion
/// goes through whole milliseconds so a `Date` reads back exactly equal.
enum Timestamp {
    static func text(_ date: Date) -> String {
        UTCTime.isoTimestamp(date: date)
    }

    static func date(_ text: String) -> Date? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
        guard digits.count >= 6 else { return nil }
        let days = UTCTime.days(year: digits[0], month: digits[1], day: digits[2])
        let milliseconds = digits.count > 6 ? digits[6] : 0
        let total = ((days * 24 + digits[3]) * 60 + digits[4]) * 60_000 + digits[5] * 1000 + milliseconds
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }
}
