import FieldworkCore
import Foundation

/// A coding as both faces print it: `fieldwork code list --json` and the JSON API. One shape, so
/// a script written against one works on the other. Keys are snake_case; times are UTC ISO 8601
/// with milliseconds, as stored.
public struct CodingOutput: Encodable, Sendable {
    public let id, document: String
    public let start, end: Int
    public let code, coder: String
    @AlwaysEncoded public var memo: String?
    public let quote, prefix, suffix, status: String
    @AlwaysEncoded public var anchorMethod: String?
    public let version: Int
    public let createdAt, updatedAt: String
    /// Who last changed the code, memo or place (null: no one since it was made).
    @AlwaysEncoded public var updatedBy: String?
    /// Why quote, context and memo are empty (`consent withdrawn`, …), in a listing; null when shown.
    @AlwaysEncoded public var withheld: String?

    enum CodingKeys: String, CodingKey {
        case id, document, start, end, code, coder, memo, quote, prefix, suffix, status, version, withheld
        case anchorMethod = "anchor_method", createdAt = "created_at", updatedAt = "updated_at", updatedBy = "updated_by"
    }

    public init(_ coding: Coding) {
        id = coding.id
        document = coding.documentID
        start = coding.start
        end = coding.end
        code = coding.codeID
        coder = coding.coder
        memo = coding.memo
        quote = coding.quote
        prefix = coding.anchor.prefix
        suffix = coding.anchor.suffix
        status = coding.status.rawValue
        anchorMethod = coding.anchorMethod?.rawValue
        version = coding.version
        createdAt = UTCTime.isoTimestamp(date: coding.createdAt)
        updatedAt = UTCTime.isoTimestamp(date: coding.updatedAt)
        updatedBy = coding.updatedBy
    }

    public init(_ shown: ShownCoding) {
        self.init(shown.coding)
        withheld = shown.withheld?.rawValue
    }
}
