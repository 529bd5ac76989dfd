/// What an import did: how many readings were stored, already there, or refused, and why.
public struct TelemetryImportReport: Sendable, Hashable {
    public enum Format: String, Sendable { case senml = "SenML JSON", csv = "CSV" }

    public var file: String
    public var format: Format
    /// Records (SenML) or data rows (CSV) read.
    public var records = 0
    public var stored = 0
    /// Readings of a device, metric and time already stored (importing a file twice stores it once).
    public var alreadyStored = 0
    /// Refusal reason (which participant, which consent) → readings refused.
    public var refusedByConsent: [String: Int] = [:]
    /// Names matching no device in corpus/devices.yaml → readings.
    public var unknownDevices: [String: Int] = [:]
    /// Each of those names → where it was first read (`data.csv:7`, `pack.json: record at index 3`):
    /// a count alone left a new user searching a file of thousands of lines for the typo.
    public var unknownDeviceFirstAt: [String: String] = [:]
    /// SenML string and data values: kept out of the numeric store.
    public var notNumeric = 0

    public init(file: String, format: Format) {
        self.file = file
        self.format = format
    }

    public var refused: Int { refusedByConsent.values.reduce(0, +) }

    /// The counts its audit entry keeps (`telemetry import` and ingest write the same entry).
    public var auditCounts: [String: Int] { ["records": records, "stored": stored, "refused": refused] }

    /// What `telemetry import` prints, and ingest for each file it took in: the counts, then
    /// why readings were left out.
    public var lines: [String] {
        var lines = ["\(file) (\(format.rawValue)): \(records) records, \(stored) stored, "
                     + "\(alreadyStored) already stored, \(refused) refused for consent"]
        for (reason, count) in refusedByConsent.sorted(by: { $0.key < $1.key }) {
            lines.append("  refused \(count): \(reason)")
        }
        for (name, count) in unknownDevices.sorted(by: { $0.key < $1.key }) {
            // Named like the import's errors (`file:line: problem`), at the first such reading.
            let place = unknownDeviceFirstAt[name].map { "\($0): " } ?? ""
            lines.append("  not imported \(count): \(place)'\(name)' matches no device in corpus/devices.yaml"
                         + (count > 1 ? " (the first of its \(count) readings)" : ""))
        }
        if notNumeric > 0 { lines.append("  not imported \(notNumeric): string or data values (vs, vd)") }
        return lines
    }
}
