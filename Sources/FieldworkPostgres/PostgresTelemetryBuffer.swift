import FieldworkCore

/// The writer of one telemetry import on PostgreSQL: it holds the readings in memory, column by
/// column (about 42 bytes a reading), while the import's synchronous body reads the file; the
/// store writes them when the body has returned (see `PostgresStore.importTelemetry`). The body
/// cannot wait for the server, and blocking its thread on the async client is not allowed, so
/// buffering is the price of keeping one parser for both stores.
final class PostgresTelemetryBuffer: TelemetryWriter {
    struct MetricKey: Hashable, Sendable { let name, unit: String }

    private let devices: [String: Int64]
    private var metrics: [MetricKey: Int64]
    /// Metrics this import met first, in order: until stored, the n-th has the id -(n+1).
    private(set) var newMetrics: [MetricKey] = []

    private(set) var device: [Int64] = []
    private(set) var metric: [Int64] = []
    private(set) var time: [Int64] = []
    // A NULL is a flag beside a placeholder: no optionals in the hot arrays.
    private(set) var value: [Double] = []
    private(set) var hasValue: [Bool] = []
    private(set) var sum: [Double] = []
    private(set) var hasSum: [Bool] = []

    var count: Int { time.count }

    init(devices: [String: Int64], metrics: [MetricKey: Int64]) {
        self.devices = devices
        self.metrics = metrics
    }

    func deviceID(named name: String) -> Int64? { devices[name] }

    func metricID(name: String, unit: String?) throws -> Int64 {
        let key = MetricKey(name: name, unit: unit ?? "")
        if let id = metrics[key] { return id }
        newMetrics.append(key)
        let id = -Int64(newMetrics.count)
        metrics[key] = id
        return id
    }

    func insert(device: Int64, metric: Int64, time: Int64, value: Double?, sum: Double?) throws {
        self.device.append(device)
        self.metric.append(metric)
        self.time.append(time)
        self.value.append(value ?? 0)
        hasValue.append(value != nil)
        self.sum.append(sum ?? 0)
        hasSum.append(sum != nil)
    }

    /// Replaces the provisional ids of the new metrics by their stored ids (`stored[n]` for the n-th).
    func resolveNewMetrics(_ stored: [Int64]) {
        precondition(stored.count == newMetrics.count)
        guard !stored.isEmpty else { return }
        for index in metric.indices where metric[index] < 0 { metric[index] = stored[Int(-metric[index]) - 1] }
    }

    /// Column slices as PostgreSQL array literals (`{1,2.5,NULL}`), bound as text and cast in
    /// SQL. postgres-nio's binary array encoding took about 15 µs an element in a debug build
    /// (2.3 s for three columns of 50,000), the text about 1 µs; the server reads either in
    /// milliseconds. Swift prints a Double as the shortest text that reads back to the same
    /// value (`inf` and `nan` included, which PostgreSQL reads too), so nothing is rounded.
    func devices(_ range: Range<Int>) -> String { Self.literal(range) { String(self.device[$0]) } }
    func metrics(_ range: Range<Int>) -> String { Self.literal(range) { String(self.metric[$0]) } }
    func times(_ range: Range<Int>) -> String { Self.literal(range) { String(self.time[$0]) } }
    func values(_ range: Range<Int>) -> String { Self.literal(range) { self.hasValue[$0] ? String(self.value[$0]) : "NULL" } }
    func sums(_ range: Range<Int>) -> String { Self.literal(range) { self.hasSum[$0] ? String(self.sum[$0]) : "NULL" } }

    private static func literal(_ range: Range<Int>, _ element: (Int) -> String) -> String {
        var text = "{"
        text.reserveCapacity(range.count * 16)
        for index in range {
            if index != range.lowerBound { text += "," }
            text += element(index)
        }
        return text + "}"
    }
}
