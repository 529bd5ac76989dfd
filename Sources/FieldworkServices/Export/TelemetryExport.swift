import FieldworkCore

/// `fieldwork export telemetry`: the stored readings as CSV, one row per reading, for R and
/// pandas. The consent rule is applied as on the need pages: a reading appears only when its
/// participant's telemetry consent (for that device type) covers its UTC day today; the
/// readings left out are counted by reason in the sidecar. Devices appear by pseudonym.
public struct TelemetryExport: Sendable {
    public struct Result: Sendable {
        public var csv: String
        public var readings: Int
        /// The devices the rows come from.
        public var devices: Int
        public var metadata: ExportMetadata
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// `device`/`participant`: only that device's or participant's readings.
    public func render(device: String? = nil, participant: String? = nil) async throws -> Result {
        let devices = try await store.telemetryDevices().filter { known in
            (device.map { known.name == $0 } ?? true) && (participant.map { known.participantID == $0 } ?? true)
        }.sorted { $0.name < $1.name }
        var gate = TelemetryConsentGate(participants: try await store.participants())
        var writer = CSVWriter(header: ["device", "participant", "solution", "metric", "unit", "time", "value", "sum"])
        var withheld = WithheldCount()
        var readings = 0
        // The devices with a reading in the file: a device whose readings consent withheld, or
        // that has none, is not one the rows come from.
        var written: Set<String> = []
        for known in devices {
            for reading in try await store.telemetryReadings(device: known.name, metrics: nil, from: nil, to: nil) {
                let decision = gate.decide(participant: known.participantID, solution: known.solutionID, day: UTCTime.day(reading.time))
                if let reason = decision.withheldReason {
                    withheld.add(reason)
                    continue
                }
                readings += 1
                written.insert(known.name)
                writer.append([known.name, known.participantID, known.solutionID, reading.metric, reading.unit ?? "",
                               UTCTime.isoTimestamp(reading.time), reading.value.map(Self.number) ?? "", reading.sum.map(Self.number) ?? ""])
            }
        }
        var metadata = ExportMetadata(export: "telemetry", date: ConsentRule.today([]).today, rule: ExportMetadata.telemetryConsentRule)
        metadata.add(withheld, unit: "readings")
        return Result(csv: writer.text, readings: readings, devices: written.count, metadata: metadata)
    }

    /// Whole numbers without ".0" (door openings, booleans), others as Swift prints them.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
