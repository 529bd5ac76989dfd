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

    /// A fresh random id such as `c-3f9a0c12d4e7`: short enough to type, 48 random bits.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() & 0xFFFF_FFFF_FFFF
        let hex = String(value, radix: 16)
        return "c-" + String(repeating: "0", count: 12 - hex.count) + hex
    }
}
