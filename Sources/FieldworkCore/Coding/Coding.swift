import Foundation

/// Whether a coding currently points at its text.
public enum CodingStatus: String, Sendable, Codable, CaseIterable {
    /// The anchor was found in the current text (its span is valid).
    case anchored
    /// The text it pointed at is gone; the coding is kept, listed and can be re-attached.
    case orphaned
}

/// A code applied to a span of a document's plain text by a coder.
public struct Coding: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var documentID: String
    public var codeID: String
    public var coder: String
    public var memo: String?
    /// The span, quote and context. For orphans: where it last was, and what it said.
    public var anchor: TextQuoteAnchor
    public var status: CodingStatus
    /// How the anchor was last found (nil for a coding made by hand and never moved).
    public var anchorMethod: AnchorMethod?
    public var createdAt: Date
    public var updatedAt: Date
    /// Who last changed its code, memo or place (nil: no one since it was made).
    public var updatedBy: String?
    /// Optimistic concurrency: every change increments it; a write naming an older version fails.
    public var version: Int

    public init(
        id: String, documentID: String, codeID: String, coder: String, memo: String?,
        anchor: TextQuoteAnchor, status: CodingStatus = .anchored, anchorMethod: AnchorMethod? = nil,
        createdAt: Date, updatedAt: Date? = nil, updatedBy: String? = nil, version: Int = 1
    ) {
        self.id = id
        self.documentID = documentID
        self.codeID = codeID
        self.coder = coder
        self.memo = memo
        self.anchor = anchor
        self.status = status
        self.anchorMethod = anchorMethod
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy
        self.version = version
    }

    public var start: Int { anchor.start }
    public var end: Int { anchor.end }
    public var quote: String { anchor.quote }

    /// Now, to the millisecond: the precision every store keeps, so a coding reads back equal.
    public static func timestamp(_ date: Date = Date()) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    /// A fresh id such as `c-19ad3c0e1f2-3f9a0c12d4e7`: the time it was made, in milliseconds (11
    /// hex digits, enough until the year 2527), then 48 random bits (ids made in one millisecond
    /// by many writers, in several processes, must still differ).
    ///
    /// Why time first: ids sorted by age put a new coding's entries at the end of the id index
    /// and of its history's index. With fully random ids every write landed on a random page of
    /// each, which a commit then copies whole into the write-ahead log: under a burst of writes
    /// the log filled several times faster, and each checkpoint that empties it holds the next
    /// commit for milliseconds (`bench/write_bench.py`). Ids made by older versions stay valid:
    /// an id is only ever compared whole.
    public static func newID(at date: Date = Date()) -> String {
        let milliseconds = UInt64(max(0, (date.timeIntervalSince1970 * 1000).rounded()))
        var generator = SystemRandomNumberGenerator()
        return "c-" + hex(milliseconds, digits: 11) + "-" + hex(generator.next() & 0xFFFF_FFFF_FFFF, digits: 12)
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
