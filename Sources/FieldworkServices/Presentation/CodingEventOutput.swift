import FieldworkCore
import Foundation

/// One event of a coding's history as both faces print it: `fieldwork code history ID --json`
/// and `GET /api/codings/{id}/history`. Every key is always present (`null` where not known).
public struct CodingEventOutput: Encodable, Sendable {
    public let coding, kind, at, by, code: String
    @AlwaysEncoded public var oldCode: String?
    public let memoChanged: Bool
    public let start, end: Int
    @AlwaysEncoded public var oldStart: Int?
    @AlwaysEncoded public var oldEnd: Int?
    @AlwaysEncoded public var method: String?
    @AlwaysEncoded public var source: String?
    public let version: Int
    /// The same in words, as the CLI table and the browser show it.
    public let summary: String

    enum CodingKeys: String, CodingKey {
        case coding, kind, at, by, code, start, end, method, source, version, summary
        case oldCode = "old_code", memoChanged = "memo_changed", oldStart = "old_start", oldEnd = "old_end"
    }

    public init(_ event: CodingEvent) {
        coding = event.codingID
        kind = event.kind.rawValue
        at = UTCTime.isoTimestamp(date: event.at)
        by = event.by
        code = event.newCode
        oldCode = event.oldCode
        memoChanged = event.memoChanged
        start = event.newSpan.lowerBound
        end = event.newSpan.upperBound
        oldStart = event.oldSpan?.lowerBound
        oldEnd = event.oldSpan?.upperBound
        method = event.method?.rawValue
        source = event.source
        version = event.version
        summary = event.summary
    }
}
