import FieldworkCore
import HTTPTypes
import Hummingbird

/// Parts of a request's server time for the `Server-Timing` header, beside the `app` total the
/// headers middleware adds first: where a document open spends its time (`store`: the reads,
/// `render`: the HTML or JSON), visible in the browser's network panel.
struct ServerTiming {
    static let header = HTTPField.Name("Server-Timing")!
    private var parts: [String] = []

    mutating func measure<Result>(_ name: String, _ body: () async throws -> Result) async rethrows -> Result {
        let started = ContinuousClock.now
        defer { parts.append("\(name);dur=\(Self.milliseconds(since: started))") }
        return try await body()
    }

    func apply(to response: inout Response) {
        guard !parts.isEmpty else { return }
        response.headers[Self.header] = parts.joined(separator: ", ")
    }

    /// Milliseconds with three decimals.
    static func milliseconds(since started: ContinuousClock.Instant) -> Double {
        ((ContinuousClock.now - started).inMilliseconds * 1000).rounded() / 1000
    }
}
