/// A device of a pilot, known by its pseudonym. The hardware id a device reports (a MAC address,
/// a 1-wire address) is personal data; it lives only in `corpus/devices.yaml` and is translated
/// to the pseudonym at import, so the store, exports and pictures never hold it.
public struct TelemetryDevice: Sendable, Hashable, Codable {
    /// The pseudonym, e.g. `r01-door-hall`.
    public var name: String
    /// What the device reports as its name in SenML (`bn`) or in a CSV `device` column, if not the pseudonym.
    public var hardwareID: String?
    public var solutionID: String
    public var participantID: String
    public var source: SourceLocation?

    public init(name: String, hardwareID: String? = nil, solutionID: String, participantID: String, source: SourceLocation? = nil) {
        self.name = name
        self.hardwareID = hardwareID
        self.solutionID = solutionID
        self.participantID = participantID
        self.source = source
    }
}

/// One stored measurement: a device, a metric (name and unit), a time and a value.
public struct TelemetryReading: Sendable, Hashable {
    public var device: String
    public var metric: String
    public var unit: String?
    /// Milliseconds since the Unix epoch, UTC.
    public var time: Int64
    /// Numbers as they are; booleans as 1 and 0. nil for a record that only carries a sum.
    public var value: Double?
    public var sum: Double?

    public init(device: String, metric: String, unit: String? = nil, time: Int64, value: Double?, sum: Double? = nil) {
        self.device = device
        self.metric = metric
        self.unit = unit
        self.time = time
        self.value = value
        self.sum = sum
    }
}
