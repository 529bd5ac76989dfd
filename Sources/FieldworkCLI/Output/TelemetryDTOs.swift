import FieldworkCore
import FieldworkServices

// `telemetry summary --json`. Field names are part of the CLI's contract.

struct TelemetrySummaryDTO: Encodable {
    struct Row: Encodable {
        let device, participant, metric: String
        @AlwaysEncoded var unit: String?
        let period, start: String
        let count: Int
        let min, max, mean: Double
    }

    struct Event: Encodable {
        let kind, device, start: String
        @AlwaysEncoded var end: String?
    }

    let rows: [Row]
    let events: [Event]

    init(_ result: TelemetrySummaryService.Result) {
        let participants = Dictionary(result.devices.map { ($0.name, $0.participantID) }, uniquingKeysWith: { first, _ in first })
        rows = result.rows.map {
            Row(device: $0.device, participant: participants[$0.device] ?? "", metric: $0.metric, unit: $0.unit,
                period: $0.period.rawValue, start: $0.start, count: $0.count, min: $0.min, max: $0.max, mean: $0.mean)
        }
        events = result.events.map {
            Event(kind: $0.kind.rawValue, device: $0.device, start: UTCTime.isoTimestamp($0.start), end: $0.end.map(UTCTime.isoTimestamp))
        }
    }
}
