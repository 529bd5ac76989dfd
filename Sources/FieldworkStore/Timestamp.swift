import FieldworkCore
import Foundation

/// Timestamps are stored as UTC ISO 8601 text with milliseconds (`2026-11-27T13:29:38.123Z`):
/// readable in any SQLite browser, sortable as text, and the same in PostgreSQL. Conversion
/// goes through whole milliseconds so a `Date` reads back exactly equal.
enum Timestamp {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, msOfDay) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayIndex, dayMs) = msOfDay < 0 ? (days - 1, msOfDay + 86_400_000) : (days, msOfDay)
        let (year, month, day) = UTCTime.civil(day: dayIndex)
        let hours = dayMs / 3_600_000, minutes = dayMs / 60_000 % 60, seconds = dayMs / 1000 % 60, ms = dayMs % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(ms, 3))Z"
    }

    static func date(_ text: String) -> Date? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
        guard digits.count >= 6 else { return nil }
        let days = UTCTime.days(year: digits[0], month: digits[1], day: digits[2])
        let milliseconds = digits.count > 6 ? digits[6] : 0
        let total = ((days * 24 + digits[3]) * 60 + digits[4]) * 60_000 + digits[5] * 1000 + milliseconds
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
