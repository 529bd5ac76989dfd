import FieldworkCore
import Foundation

/// Creating, changing and removing codings, with the checks both the web and CLI faces need:
/// the document exists, the span lies in its text, the code is in the codebook.
public struct CodingService: Sendable {
    let store: any FieldworkStore
    /// Where each change is also written for the team (nil: the store only, as in some tests).
    let ledger: CodingLedger?
    /// The process's group commit of coding writes (nil: each write in a transaction of its own).
    let writes: CodingWriteQueue?

    public init(store: any FieldworkStore, ledger: CodingLedger? = nil, writes: CodingWriteQueue? = nil) {
        self.store = store
        self.ledger = ledger
        self.writes = writes
    }

    /// `seen`: the revision and words the person chose the span on (the browser sends them);
    /// a span chosen on another revision is stored only if it still holds those words.
    /// `by`: who made it when that is not the coder (a decision taken into the consensus coder),
    /// recorded as `updatedBy`, so the record goes into the decider's codings file.
    public func add(document documentID: String, span: Range<Int>, code codeID: String,
                    coder: String, memo: String? = nil, seen: SeenText? = nil, by editor: String? = nil) async throws -> WrittenCoding {
        try await insert(document: documentID, span: span, code: codeID, coder: try validCoder(coder), memo: memo, seen: seen, by: editor)
    }

    /// A decision taken into the consensus (`AdjudicationService.accept`): the one write under a
    /// reserved coder name (`ReservedCoder`), made by `decider`.
    func addToConsensus(document documentID: String, span: Range<Int>, code codeID: String, memo: String,
                        by decider: String) async throws -> WrittenCoding {
        try await insert(document: documentID, span: span, code: codeID, coder: Consensus.coder, memo: memo, seen: nil, by: decider)
    }

    /// `coder` is checked by the caller: a person's name (`validCoder`) or the consensus coder.
    private func insert(document documentID: String, span: Range<Int>, code codeID: String,
                        coder: String, memo: String?, seen: SeenText?, by editor: String?) async throws -> WrittenCoding {
        let editor = try editor.map(validCoder).flatMap { $0 == coder ? nil : $0 }
        try Self.requireReachable(span)
        let coding = try await write(.insert(documentID: documentID, span: span, codeID: codeID) { context in
            // An unknown code first: what the span holds does not matter then (`code add` with a
            // mistyped code on a label was told about the label).
            guard context.codeExists else { throw CodingError.unknownCode(codeID) }
            // The store read the turns near the span only if its text could not clear it.
            if let label = SpeakerLabelSpan.label(coveredBy: span, segments: context.turnsNearSpan, in: context.window) {
                throw CodingError.speakerLabelOnly(span, label: label)
            }
            try Self.check(seen, span: span, documentID: documentID, in: context.window)
            return Coding(id: Coding.newID(), documentID: documentID, codeID: codeID, coder: coder,
                          memo: memo?.trimmingSpaces.nilIfEmpty, anchor: try Self.anchor(span, in: context.window),
                          createdAt: Coding.timestamp(), updatedBy: editor)
        })
        await ledger?.publish(written: coding.coding, from: store)
        return coding
    }

    /// The codings as they may be shown today: the consent rule empties the quote, context and
    /// memo of a coding on withheld words and cuts other codings' context where withheld words begin.
    public func list(_ filter: CodingFilter) async throws -> [Coding] {
        try await shown(try await store.codings(filter)).map(\.coding)
    }

    /// As `list`, each with why its words are withheld (nil: shown): `code list --json` and
    /// `/api/codings` say it, where an empty quote alone read as a coding of nothing.
    public func shown(_ filter: CodingFilter) async throws -> [ShownCoding] {
        try await shown(try await store.codings(filter))
    }

    /// One coding as `list` would show it (the answers to writes go through the document cache
    /// instead: `FieldworkContext.shown`).
    func shown(_ coding: Coding) async throws -> Coding {
        try await shown([coding]).first?.coding ?? coding
    }

    private func shown(_ codings: [Coding]) async throws -> [ShownCoding] {
        guard !codings.isEmpty else { return [] }
        let participants = try await store.participants()
        let rule = ConsentRule.today(participants)
        var documents = DocumentContextCache(store: store, known: Set(participants.map(\.id)))
        var masks: [String: ConsentMask] = [:]
        var shown: [ShownCoding] = []
        for coding in codings {
            if masks[coding.documentID] == nil {
                // One document's text in memory at a time; the masks are small.
                documents.keepOnly(coding.documentID)
                if let entry = try await documents.entry(coding.documentID) {
                    masks[coding.documentID] = ConsentMask(document: entry.document.metadata, segments: entry.segments, text: entry.text,
                                                           attributor: entry.attributor, rule: rule)
                }
            }
            shown.append(masks[coding.documentID]?.shown(coding) ?? ShownCoding(coding: coding, withheld: nil))
        }
        return shown
    }

    /// Changes code and/or memo; `expectedVersion` guards against overwriting someone else's edit.
    /// `by`: the coder making the change, recorded as `updatedBy`.
    public func update(id: String, code codeID: String? = nil, memo: String?? = nil, expectedVersion: Int? = nil,
                       by editor: String? = nil) async throws -> WrittenCoding {
        let editor = try editor.map(validCoder)
        var coding = try await existing(id, expectedVersion: expectedVersion)
        if let codeID {
            try await requireCode(codeID)
            coding.codeID = codeID
        }
        if let memo {
            // A memo withheld with its words is shown to no one (the card's box is empty): an edit
            // would replace what its author wrote, unseen and for good (found by a new user).
            if coding.memo != nil, try await shown(coding).memo == nil { throw CodingError.memoWithheld(id) }
            coding.memo = memo?.trimmingSpaces.nilIfEmpty
        }
        return try await save(&coding, by: editor)
    }

    /// Attaches a coding (typically an orphan) to a new span of its document.
    public func reattach(id: String, span: Range<Int>, expectedVersion: Int? = nil, seen: SeenText? = nil,
                         by editor: String? = nil) async throws -> WrittenCoding {
        let editor = try editor.map(validCoder)
        try Self.requireReachable(span)
        var coding = try await existing(id, expectedVersion: expectedVersion)
        guard let window = try await store.textWindow(documentID: coding.documentID, around: span) else {
            throw StoreError.notFound("document '\(coding.documentID)'")
        }
        try Self.check(seen, span: span, documentID: coding.documentID, in: window)
        if SpeakerLabelSpan.mayBeLabel(span, in: window) { try await refuseSpeakerLabel(span, documentID: coding.documentID, in: window) }
        let anchor = try Self.anchor(span, in: window)
        // Already there: nothing to record (it raised the version and wrote an empty "changed").
        if coding.status == .anchored && coding.anchor == anchor { return WrittenCoding(coding) }
        coding.anchor = anchor
        coding.status = .anchored
        coding.anchorMethod = nil
        return try await save(&coding, by: editor)
    }

    /// Offsets no transcript reaches are refused before anything adds a margin to them: a span
    /// ending near `Int.max` overflowed the text window's arithmetic and stopped the server (found
    /// by a new user), and PostgreSQL's integer column cannot hold them.
    public static let largestOffset = Int(Int32.max)

    static func requireReachable(_ span: Range<Int>) throws(CodingError) {
        guard span.upperBound <= largestOffset else { throw .beyondAnyText(span) }
    }

    /// The coding a person names on the command line: its whole id, or the beginning of the id
    /// of exactly one coding in use (ids are 26 characters: `c-19ad3c0e1f2` usually suffices);
    /// `includingRemoved` counts removed codings too (their history is kept).
    public func id(named text: String, includingRemoved: Bool = false) async throws -> String {
        if try await store.coding(id: text) != nil { return text }
        if try await store.codingHistory(id: text) != nil { return text }
        let matches = try await store.codingIDs(beginningWith: text, includingRemoved: includingRemoved, limit: 4)
        guard matches.count <= 1 else {
            throw StoreError.conflict("'\(text)' begins the ids of \(matches.count > 3 ? "more than 3" : "\(matches.count)") codings (\(matches.prefix(3).joined(separator: ", "))\(matches.count > 3 ? ", …" : "")); give more of the id")
        }
        guard let id = matches.first else { throw StoreError.notFound("coding '\(text)'") }
        return id
    }

    /// Everything that happened to a coding, oldest first; removed codings keep their history.
    public func history(id: String) async throws -> [CodingEvent] {
        guard let events = try await store.codingHistory(id: id) else { throw StoreError.notFound("coding '\(id)'") }
        return events
    }

    public func remove(id: String, by coder: String, expectedVersion: Int? = nil) async throws {
        _ = try await write(.remove(id: id, by: try validCoder(coder), expectedVersion: expectedVersion))
        await ledger?.publish(id, from: store)
    }

    /// Brings a removed coding back (an undone removal): the same id, its history going on with
    /// `restored`. Refused when its words are no longer at its place or the same coding is live
    /// again (`CodingRestore`).
    public func restore(id: String, by coder: String, expectedVersion: Int? = nil) async throws -> WrittenCoding {
        let coding = try await write(.restore(id: id, by: try validCoder(coder), expectedVersion: expectedVersion))
        await ledger?.publish(id, from: store)
        return coding
    }

    private func save(_ coding: inout Coding, by editor: String?) async throws -> WrittenCoding {
        coding.version += 1
        coding.updatedBy = editor
        coding.updatedAt = Coding.timestamp()
        let written = try await write(.update(coding))
        await ledger?.publish(written: written.coding, from: store)
        return written
    }

    /// Through the group commit when there is one, else alone.
    private func write(_ write: CodingWrite) async throws -> WrittenCoding {
        if let writes { return try await writes.submit(write) }
        return try await store.writeAlone(write)
    }

    private func existing(_ id: String, expectedVersion: Int?) async throws -> Coding {
        guard let coding = try await store.coding(id: id) else { throw StoreError.notFound("coding '\(id)'") }
        if let expectedVersion, expectedVersion != coding.version {
            throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: coding.version)
        }
        return coding
    }

    private func requireCode(_ id: String) async throws {
        guard try await store.codeExists(id) else { throw CodingError.unknownCode(id) }
    }

    /// Refuses a span chosen on another revision of the document unless it still holds the words
    /// the person selected (then the offsets are right whatever changed elsewhere).
    private static func check(_ seen: SeenText?, span: Range<Int>, documentID: String, in window: TextWindow) throws {
        guard let seen, !seen.stillMeans(TextQuoteAnchor(span: span, in: window)?.quote, currentRevision: window.revision) else { return }
        throw CodingError.staleDocument(documentID, seen: seen.revision, current: window.revision)
    }

    /// The anchor of a span the user chose: inside the text and not only white space.
    private static func anchor(_ span: Range<Int>, in window: TextWindow) throws -> TextQuoteAnchor {
        guard let anchor = TextQuoteAnchor(span: span, in: window) else {
            throw CodingError.invalidSpan(span, length: window.documentLength)
        }
        guard !anchor.quote.trimmingSpaces.isEmpty else { throw CodingError.blankSpan(span) }
        return anchor
    }

    /// A span holding only a turn's speaker label (`R01:`) holds nobody's words: coded, it would
    /// count as evidence from the speaker with nothing they said. Called only for spans that
    /// `SpeakerLabelSpan.mayBeLabel` could not clear from their text (`window`, read for the span).
    private func refuseSpeakerLabel(_ span: Range<Int>, documentID: String, in window: TextWindow) async throws {
        if let label = SpeakerLabelSpan.label(coveredBy: span, segments: try await store.segments(documentID: documentID), in: window) {
            throw CodingError.speakerLabelOnly(span, label: label)
        }
    }

    /// A person's name: 1–80 characters, and not a name the workbench codes under itself
    /// ("Consensus" would count as the team's decision; `ReservedCoder`).
    private func validCoder(_ coder: String) throws -> String {
        let name = coder.trimmingSpaces
        guard !name.isEmpty, name.count <= 80 else { throw CodingError.invalidCoder }
        if let reserved = ReservedCoder.matching(name) { throw CodingError.reservedCoder(name, reserved: reserved) }
        return name
    }
}

public enum CodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCode(String)
    /// A code that is not there, with the codebook's nearest ids (`UnknownName.nearest`).
    case unknownCodeNear(String, [String])
    case invalidSpan(Range<Int>, length: Int)
    /// Offsets beyond what any transcript holds (`CodingService.largestOffset`).
    case beyondAnyText(Range<Int>)
    /// A start that is negative or not below the end: no span at all.
    case misorderedSpan(start: Int, end: Int)
    case blankSpan(Range<Int>)
    /// The span holds a turn's speaker label (`R01:`) and no spoken word.
    case speakerLabelOnly(Range<Int>, label: String)
    case invalidCoder
    /// A person's coding under a name the workbench codes under itself (`ReservedCoder`).
    case reservedCoder(String, reserved: String)
    /// The span was chosen on an older (or other) revision of the document and no longer holds the selected words.
    case staleDocument(String, seen: Int, current: Int)
    /// A memo change on a coding whose memo the consent rule (or access) withholds today.
    case memoWithheld(String)

    public var description: String {
        switch self {
        case .unknownCode(let id): "no code '\(id)' in the codebook (see `fieldwork codebook show`)"
        case .unknownCodeNear(let id, let near):
            "no code '\(id)' in the codebook" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")
        case .invalidSpan(let span, let length):
            "span [\(span.lowerBound), \(span.upperBound)) is not inside the text (0 to \(length), end after start)"
        case .beyondAnyText(let span):
            "span [\(span.lowerBound), \(span.upperBound)) lies beyond the end of any transcript (offsets count Unicode scalars from 0; `fieldwork segments DOC` shows a document's)"
        case .misorderedSpan(let start, let end):
            "start \(start) must be 0 or more and below end \(end) (offsets count Unicode scalars from 0, end exclusive)"
        case .blankSpan(let span): "span [\(span.lowerBound), \(span.upperBound)) holds only white space"
        case .speakerLabelOnly(let span, let label):
            "span [\(span.lowerBound), \(span.upperBound)) holds only the speaker label '\(label)', no spoken words; select words of the turn (see `fieldwork segments DOC` for where they start)"
        case .invalidCoder: "a coder name (1 to 80 characters) is required"
        case .reservedCoder(let name, let reserved):
            "\(ReservedCoder.reason(reserved)); a coding cannot be written as \(name): code under your own name"
        case .staleDocument(let id, let seen, let current):
            "document \(id) changed since it was opened (revision \(seen), now \(current)) and the selected words are no longer at those offsets; reload it and select the passage again"
        case .memoWithheld(let id):
            "the memo of coding \(id) is withheld with its words (consent or access): it cannot be changed while they are, since that would replace a memo no one can read here"
        }
    }
}

extension CodingError {
    /// `start..<end` from offsets a client sent, or `misorderedSpan`.
    public static func span(start: Int, end: Int) throws(CodingError) -> Range<Int> {
        guard start >= 0, end > start else { throw .misorderedSpan(start: start, end: end) }
        return start..<end
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
