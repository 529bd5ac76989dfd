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
    /// SenML string and data values: kept out of the numeric store.
    public var notNumeric = 0

    public init(file: String, format: Format) {
        self.file = file
        self.format = format
    }

    public var refused: Int { refusedByConsent.values.reduce(0, +) }
}
