import Foundation

/// One entry of a coding's history: what happened to it, when, by whom and what changed.
///
/// The history is append-only and written in the same transaction as the change itself, so it
/// can never disagree with the coding: a change that did not happen has no event, and an event
/// always describes a change that did.
public struct CodingEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Made by a person (or taken in from a codings file or an import).
        case created
        /// Its code and/or memo changed.
        case changed
        /// A person placed it on a new span (typically an orphan).
        case reattached
        /// Ingest found its text again in a changed transcript (`method` says how).
        case reanchored
        /// Ingest could not place it with confidence: kept with its quote, listed as an orphan.
        case orphaned
        /// An orphan whose text came back (an edit undone) re-attached by itself.
        case recovered
        /// Its code was folded into another one (the new code lists the old in `formerly`).
        case merged
        /// Removed from every list (the row and its history are kept).
        case removed
        /// A removal undone (a colleague's codings file holds it live again).
        case restored
    }

    /// Who a change made by ingest itself (re-anchoring, a codebook merge) is attributed to:
    /// no person decided it.
    public static let ingest = "ingest"

    /// The `source` of the removal of a coding a merge made a duplicate of another (the same span,
    /// code and coder): `duplicate of c-…`, naming the coding that stays.
    public static let duplicateOf = "duplicate of "

    public var codingID: String
    public var kind: Kind
    public var at: Date
    /// The person, or `CodingEvent.ingest`.
    public var by: String
    /// The code before and after (equal when the code did not change).
    public var oldCode: String?
    public var newCode: String
    public var memoChanged: Bool
    /// The span before (nil when it had none: a new coding) and after.
    public var oldSpan: Range<Int>?
    public var newSpan: Range<Int>
    /// How ingest placed it (re-anchored, recovered).
    public var method: AnchorMethod?
    /// Where the change came from when not made in this workspace: a codings file
    /// (`codings/bo.jsonl`), `import` (a REFI-QDA project) or `migration` (what was known when
    /// the history began: its creation and removal).
    public var source: String?
    /// The coding's version after the change (for a change from a codings file: that file's version).
    public var version: Int

    public init(codingID: String, kind: Kind, at: Date, by: String, oldCode: String? = nil, newCode: String,
                memoChanged: Bool = false, oldSpan: Range<Int>? = nil, newSpan: Range<Int>,
                method: AnchorMethod? = nil, source: String? = nil, version: Int) {
        self.codingID = codingID
        self.kind = kind
        self.at = at
        self.by = by
        self.oldCode = oldCode
        self.newCode = newCode
        self.memoChanged = memoChanged
        self.oldSpan = oldSpan
        self.newSpan = newSpan
        self.method = method
        self.source = source
        self.version = version
    }

    /// The event that turns `old` into `new` (nil `old`: `new` was just made).
    public static func between(_ old: Coding?, _ new: Coding, kind: Kind, at: Date, by: String,
                               source: String? = nil, version: Int? = nil) -> CodingEvent {
        CodingEvent(codingID: new.id, kind: kind, at: at, by: by, oldCode: old?.codeID ?? new.codeID, newCode: new.codeID,
                    memoChanged: old.map { $0.memo != new.memo } ?? false, oldSpan: old?.anchor.span,
                    newSpan: new.anchor.span, method: kind == .reanchored || kind == .recovered ? new.anchorMethod : nil,
                    source: source, version: version ?? new.version)
    }

    /// The event of a change ingest made by re-anchoring `old` into a changed text as `new`.
    public static func reanchoring(_ old: Coding, _ new: Coding, at: Date) -> CodingEvent {
        let kind: Kind = new.status == .orphaned ? .orphaned : old.status == .orphaned ? .recovered : .reanchored
        return between(old, new, kind: kind, at: at, by: ingest)
    }

    /// What changed, in a few words: `code a → b, memo changed, span [1, 5) → [3, 7)`.
    public var summary: String {
        var parts: [String] = []
        if let oldCode, oldCode != newCode { parts.append("code \(oldCode) → \(newCode)") }
        if kind == .created { parts.append("code \(newCode)") }
        if memoChanged { parts.append("memo changed") }
        if let oldSpan, oldSpan != newSpan {
            parts.append("span \(Self.text(oldSpan)) → \(Self.text(newSpan))")
        } else if kind == .created || kind == .reanchored || kind == .orphaned {
            parts.append("span \(Self.text(newSpan))")
        }
        if let method { parts.append("by \(method.rawValue)") }
        switch source {
        case nil: break
        case "import": parts.append("from an imported project")
        case "migration": parts.append("recorded when the history began")
        case let source? where source.hasPrefix(Self.duplicateOf):
            parts.append("after a merge the same span, code and coder as \(source.dropFirst(Self.duplicateOf.count))")
        case let file?: parts.append("taken from \(file), version \(version)")
        }
        return parts.joined(separator: ", ")
    }

    private static func text(_ span: Range<Int>) -> String { "[\(span.lowerBound), \(span.upperBound))" }
}
