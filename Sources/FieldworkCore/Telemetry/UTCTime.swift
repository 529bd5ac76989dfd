import Foundation

/// Telemetry times: whole milliseconds since the Unix epoch, UTC. Calendar arithmetic without a
/// calendar library (Howard Hinnant's civil-date algorithms), fast enough for millions of rows.
public enum UTCTime {
    public static let millisecondsPerDay: Int64 = 86_400_000
    /// The times a reading may have: the years 0000 to 9999, which `isoTimestamp` writes in four
    /// digits. Bounding them also keeps `seconds * 1000` far inside Int64 (a time of 1e16 s trapped).
    public static let earliest: Int64 = days(year: 0, month: 1, day: 1) * millisecondsPerDay
    public static let latest: Int64 = days(year: 10_000, month: 1, day: 1) * millisecondsPerDay - 1

    /// Whole milliseconds of a time in seconds, or nil when it is not finite or outside
    /// `earliest...latest`.
    public static func milliseconds(seconds: Double) -> Int64? {
        guard seconds.isFinite else { return nil }
        let milliseconds = (seconds * 1000).rounded()
        guard milliseconds >= Double(earliest), milliseconds <= Double(latest) else { return nil }
        return Int64(milliseconds)
    }

    /// The UTC day number (days since 1970-01-01) of a time; floors for times before 1970.
    public static func day(_ milliseconds: Int64) -> Int64 {
        let (quotient, remainder) = milliseconds.quotientAndRemainder(dividingBy: millisecondsPerDay)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// The Monday starting the ISO week of `day` (1970-01-01 was a Thursday).
    public static func weekStart(ofDay day: Int64) -> Int64 {
        let weekday = (day + 3) % 7
        return day - (weekday < 0 ? weekday + 7 : weekday)
    }

    public static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func civil(day days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `YYYY-MM-DD` of a day number.
    public static func isoDate(day: Int64) -> String {
        let (year, month, dayOfMonth) = civil(day: day)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(dayOfMonth, 2))"
    }

    /// The day number of `YYYY-MM-DD`, or nil.
    public static func day(isoDate text: String) -> Int64? {
        guard ISODate.isValid(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int64($0) }
        return days(year: parts[0], month: parts[1], day: parts[2])
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` of a date, to the nearest millisecond.
    public static func isoTimestamp(date: Date) -> String {
        isoTimestamp(Int64((date.timeIntervalSince1970 * 1000).rounded()))
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func isoTimestamp(_ milliseconds: Int64) -> String {
        let day = day(milliseconds)
        let ms = milliseconds - day * millisecondsPerDay
        let (year, month, dayOfMonth) = civil(day: day)
        guard (0...9999).contains(year) else {
            return isoDate(day: day) + "T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))Z"
        }
        // The years every stored time has: the 24 bytes written in place, one allocation (a
        // coding write formats four of these; the padded pieces above were 1 % of its CPU).
        return String(unsafeUninitializedCapacity: 24) { text in
            func put(_ value: Int64, _ width: Int, at offset: Int) {
                var rest = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    text[index] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            text[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            text[7] = UInt8(ascii: "-")
            put(dayOfMonth, 2, at: 8)
            text[10] = UInt8(ascii: "T")
            put(ms / 3_600_000, 2, at: 11)
            text[13] = UInt8(ascii: ":")
            put(ms / 60_000 % 60, 2, at: 14)
            text[16] = UInt8(ascii: ":")
            put(ms / 1000 % 60, 2, at: 17)
            text[19] = UInt8(ascii: ".")
            put(ms % 1000, 3, at: 20)
            text[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// Parses RFC 3339 times (`2025-06-01T22:15:00Z`, `…T22:15:00.250+02:00`, a space instead of
    /// `T`) from UTF-8 bytes. A zone is required: a time without one would be read differently
    /// on every machine.
    /// Concrete bytes, not a generic collection: across modules a generic parse is not
    /// specialised, and at 10 million rows the witness-table calls dominated the import.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = bytes.startIndex
        func number(_ width: Int) -> Int64? {
            guard bytes.endIndex - index >= width else { return nil }
            var value: Int64 = 0
            for _ in 0..<width {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
                index += 1
            }
            return value
        }
        func expect(_ allowed: UInt8...) -> Bool {
            guard index < bytes.endIndex, allowed.contains(bytes[index]) else { return false }
            index += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let dayOfMonth = number(2),
              expect(0x54, 0x74, 0x20), let hour = number(2), expect(0x3A), let minute = number(2), expect(0x3A),
              let second = number(2), (1...12).contains(month), (1...31).contains(dayOfMonth), hour < 24, minute < 60, second < 61
        else { return nil }
        guard dayOfMonth <= daysIn(month: month, year: year) else { return nil }
        var milliseconds: Int64 = 0
        if index < bytes.endIndex, bytes[index] == 0x2E {
            index += 1
            var scale: Int64 = 100
            let start = index
            while index < bytes.endIndex, bytes[index] &- 0x30 < 10 {
                milliseconds += Int64(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetMinutes: Int64 = 0
        guard index < bytes.endIndex else { return nil }
        switch bytes[index] {
        case 0x5A, 0x7A:
            index += 1
        case 0x2B, 0x2D:
            let sign: Int64 = bytes[index] == 0x2D ? -1 : 1
            index += 1
            guard let hours = number(2), expect(0x3A), let minutes = number(2) else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        default:
            return nil
        }
        guard index == bytes.endIndex else { return nil }
        let seconds = ((days(year: year, month: month, day: dayOfMonth) * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second
        return seconds * 1000 + milliseconds
    }

    /// Without building a string: this runs once per CSV row.
    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
