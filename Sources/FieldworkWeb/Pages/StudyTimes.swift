import FieldworkCore
import Foundation

/// `2026-12-02 08:42` in the study's time zone (`fieldwork.yaml`), the stamp as written kept in
/// `datetime` and its title: the raw stamp (`2026-12-02T07:42:31.794Z`) broke at its hyphen and
/// read as UTC. The audit page, memos and the print view show times this way; the scripts show
/// them in the interface language, in the same zone (i18n.js `dateTime`). Made once per page, not
/// per time: formatters and a calendar are costly to make.
struct StudyTimes {
    let fractional = ISO8601DateFormatter(), whole = ISO8601DateFormatter()
    var calendar = Calendar(identifier: .gregorian)

    init(_ zone: TimeZone) {
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        calendar.timeZone = zone
    }

    /// The zone named by `identifier` (the request's study zone), UTC if there is none such.
    init(identifier: String) {
        self.init(TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!)
    }

    func html(_ stamp: String) -> SafeHTML {
        guard let date = fractional.date(from: stamp) ?? whole.date(from: stamp) else { return "\(stamp)" }
        return html(date, stamp: stamp)
    }

    func html(_ date: Date) -> SafeHTML {
        html(date, stamp: UTCTime.isoTimestamp(date: date))
    }

    private func html(_ date: Date, stamp: String) -> SafeHTML {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let shown = String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
        return "<time datetime=\"\(stamp)\" title=\"\(stamp)\">\(shown)</time>"
    }
}
