import FieldworkCore
import FieldworkServices
import Foundation

/// On a need's page, beside an activity signal's chart: the periods a device went without
/// activity for at least its device type's threshold (`fieldwork.yaml`, `InactivityThresholds`),
/// in words with the periods as a table (last and next activity in the study's time zone).
struct InactivityNote {
    let device: String
    let hours: Double
    let events: [TelemetryEvent]
    let zone: TimeZone
    let t: Localizer

    func html() -> SafeHTML {
        let title = "\(device) · " + t("need.inactivityTitle")
        let values = ["title": title, "hours": TelemetryChart.number(hours), "count": String(events.count)]
        guard !events.isEmpty else { return "<p class=\"reading\">\(t("need.noInactivity", values))</p>" }
        let rows: [SafeHTML] = events.map { event in
            "<tr><td>\(local(event.start))</td><td>\(event.end.map(local) ?? "")</td></tr>"
        }
        return """
            <p class="reading">\(t("need.inactivity", values))</p>\
            <table class="inactivity"><caption class="visually-hidden">\(title)</caption><thead><tr>\
            <th scope="col">\(t("need.inactivityFrom", ["zone": zone.identifier]))</th><th scope="col">\(t("need.inactivityTo", ["zone": zone.identifier]))</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
    }

    /// `YYYY-MM-DD HH:MM` in the study's zone.
    private func local(_ milliseconds: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
