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
        if let date = fixedWidthDate(text) { return date }
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int64($0) }
        guard digits.count >= 6 else { return nil }
        let days = UTCTime.days(year: digits[0], month: digits[1], day: digits[2])
        let milliseconds = digits.count > 6 ? digits[6] : 0
        let total = ((days * 24 + digits[3]) * 60 + digits[4]) * 60_000 + digits[5] * 1000 + milliseconds
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    /// `2026-11-27T13:29:38.123Z`, the form `text` writes, read from its bytes: a document page
    /// reads one per coding, and splitting the text was a tenth of the page's store time.
    private static func fixedWidthDate(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                  bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
                  bytes[23] == UInt8(ascii: "Z") else { return nil }
            func number(_ start: Int, _ length: Int) -> Int64? {
                var value: Int64 = 0
                for index in start..<(start + length) {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                  let minute = number(14, 2), let second = number(17, 2), let milliseconds = number(20, 3) else { return nil }
            let total = ((UTCTime.days(year: year, month: month, day: day) * 24 + hour) * 60 + minute) * 60_000
                + second * 1000 + milliseconds
            return Date(timeIntervalSince1970: Double(total) / 1000)
        }
    }
}
