import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct TelemetrySummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Count, min, max and mean per device, metric and day or week; door openings at night, long inactivity.",
        discussion: """
            Days, weeks and nights are the study's time zone (fieldwork.yaml telemetry: time_zone, default \
            Europe/Stockholm) unless --time-zone says otherwise; UTC reads the stored daily rollups (fastest). \
            Inactivity is measured against each device type's threshold (fieldwork.yaml telemetry: \
            inactivity_hours) unless --inactivity-hours sets one for all.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this device (pseudonym).", valueName: "D")) var device: String?
    @Option(help: ArgumentHelp("Only this participant's devices.", valueName: "P")) var participant: String?
    @Option(help: "day or week (ISO weeks), in the study's time zone.") var period: String = TelemetryPeriod.day.rawValue
    @Option(help: "Report gaps of at least this many hours between activity signals, for every device (default: per device type, fieldwork.yaml).")
    var inactivityHours: Double?
    @Option(help: "Time zone of the days and of 'at night' (22–06), e.g. UTC (default: the study's, fieldwork.yaml, else Europe/Stockholm).")
    var timeZone: String?
    @Flag(help: "Skip event detection (reads every door and activity reading).") var noEvents = false

    func validate() throws {
        guard TelemetryPeriod(rawValue: period) != nil else { throw ValidationError("--period must be day or week") }
        if let timeZone, TimeZone(identifier: timeZone) == nil { throw ValidationError("unknown time zone '\(timeZone)'") }
        if let inactivityHours, !(inactivityHours > 0) { throw ValidationError("--inactivity-hours must be positive") }
    }

    func run() async throws {
        var query = TelemetrySummaryService.Query()
        query.device = device
        query.participant = participant
        query.period = TelemetryPeriod(rawValue: period) ?? .day
        query.inactivityHours = inactivityHours
        query.events = !noEvents
        if let timeZone, let zone = TimeZone(identifier: timeZone) { query.timeZone = zone }
        let result = try await workspace.open().telemetrySummary.summary(query)
        let summary = TelemetrySummaryDTO(result)
        if output.json {
            try JSONOutput.print(summary)
            return
        }
        let decimals = Self.decimals(of: summary.rows)
        TableOutput.print(["device", "participant", "metric", "unit", period, "count", "min", "max", "mean"], summary.rows.map { row in
            let measure = decimals[Self.measure(row)] ?? MeasureDecimals(readings: [row.min, row.max])
            return [row.device, row.participant, row.metric, row.unit ?? "", row.start, "\(row.count)",
                    measure.format(row.min), measure.format(row.max), measure.format(row.mean)]
        })
        if !summary.events.isEmpty {
            print("")
            TableOutput.print(["event", "device", "start", "end"], summary.events.map { [$0.kind, $0.device, $0.start, $0.end ?? ""] })
        }
        if result.hiddenDays > 0 { print("\(result.hiddenDays) device-days hidden: consent no longer covers them") }
    }

    /// One number of decimals per measure (metric and unit) for the whole table, from its readings.
    static func decimals(of rows: [TelemetrySummaryDTO.Row]) -> [String: MeasureDecimals] {
        Dictionary(grouping: rows, by: measure).mapValues { MeasureDecimals(readings: $0.flatMap { [$0.min, $0.max] }) }
    }

    private static func measure(_ row: TelemetrySummaryDTO.Row) -> String { row.metric + "\u{0}" + (row.unit ?? "") }
}
