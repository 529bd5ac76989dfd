import FieldworkCore
import Foundation

/// Door openings at night (22:00–06:00 local time) as one mark per opening: the night along the
/// bottom (named by its evening's date), the hour down the side, so a restless week shows as a
/// cluster and a single 03:00 opening is not lost in a daily count of openings and closings.
///
/// Drawn like `TelemetryChart`: presentation attributes only, `SafeHTML`, so every text is escaped.
struct NightTimeline {
    struct Mark { let night: String; let time: String; let nightIndex: Int; let hours: Double }

    let title: String
    let marks: [Mark]
    /// The nights from the first to the last opening, in order.
    let nights: [String]

    /// `events` are door-at-night events; their local night and time are read in `zone`.
    init(title: String, events: [TelemetryEvent], zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var placed: [(night: Int64, label: String, time: String, hours: Double)] = []
        for event in events.sorted(by: { $0.start < $1.start }) {
            let date = Date(timeIntervalSince1970: Double(event.start) / 1000)
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour, let minute = parts.minute else { continue }
            // After midnight the opening belongs to the night that began the evening before.
            let dayNumber = UTCTime.days(year: Int64(year), month: Int64(month), day: Int64(day)) - (hour < TelemetryEvents.nightEndHour ? 1 : 0)
            let sinceEvening = Double((hour - TelemetryEvents.nightStartHour + 24) % 24) + Double(minute) / 60
            placed.append((dayNumber, UTCTime.isoDate(day: dayNumber), String(format: "%02d:%02d", hour, minute), sinceEvening))
        }
        let first = placed.map(\.night).min() ?? 0, last = placed.map(\.night).max() ?? 0
        self.title = title
        self.nights = placed.isEmpty ? [] : (first...last).map(UTCTime.isoDate(day:))
        self.marks = placed.map { Mark(night: $0.label, time: $0.time, nightIndex: Int($0.night - first), hours: $0.hours) }
    }

    static let width = 360.0, height = 150.0, left = 48.0, right = 40.0, top = 14.0, bottom = 26.0
    static let nightHours = Double(24 - TelemetryEvents.nightStartHour + TelemetryEvents.nightEndHour)

    func svg() -> SafeHTML {
        guard let firstNight = nights.first, let lastNight = nights.last else { return SafeHTML() }
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let slot = plotWidth / Double(nights.count)
        var dots = SafeHTML()
        for mark in marks {
            let x = Self.left + slot * (Double(mark.nightIndex) + 0.5)
            let y = Self.top + plotHeight * mark.hours / Self.nightHours
            dots += "<circle cx=\"\(TelemetryChart.number(x))\" cy=\"\(TelemetryChart.number(y))\" r=\"3\" fill=\"#1f77b4\"><title>\(mark.night) \(mark.time)</title></circle>"
        }
        let font: SafeHTML = "font-size=\"\(TelemetryChart.fontSize)\" fill=\"#444\""
        let evening = String(format: "%02d:00", TelemetryEvents.nightStartHour), morning = String(format: "%02d:00", TelemetryEvents.nightEndHour)
        return """
            <svg class="chart timeline" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" width="\(Int(Self.width))" height="\(Int(Self.height))" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg">\
            <title>\(title)</title>\
            <line x1="\(Self.left)" y1="\(Self.top)" x2="\(Self.left)" y2="\(Self.top + plotHeight)" stroke="#888" stroke-width="1"/>\
            <line x1="\(Self.left)" y1="\(Self.top + plotHeight)" x2="\(Self.width - Self.right)" y2="\(Self.top + plotHeight)" stroke="#888" stroke-width="1"/>\
            <text x="\(Self.left - 4)" y="\(Self.top + 4)" text-anchor="end" \(font)>\(evening)</text>\
            <text x="\(Self.left - 4)" y="\(Self.top + plotHeight)" text-anchor="end" \(font)>\(morning)</text>\
            <text x="\(Self.left)" y="\(Self.height - 8)" \(font)>\(firstNight)</text>\
            <text x="\(Self.width - 4)" y="\(Self.height - 8)" text-anchor="end" \(font)>\(lastNight)</text>\
            \(dots)</svg>
            """
    }
}
