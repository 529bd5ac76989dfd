import FieldworkCore

/// Adjudicating disagreements: the disputed passages of the agreement report with every coder's
/// codes side by side, and the decisions on them. Accepting a code creates a coding by the
/// consensus coder (`Consensus.coder`) over the passage; dismissing it and discussing the passage
/// leave document memos (`AdjudicationNote`). Everything goes through `CodingService` and
/// `MemoService`, so it lands in the decider's codings file and travels to the team.
public struct AdjudicationService: Sendable {
    /// One disputed code on a passage and what became of it.
    public struct Decision: Sendable, Hashable {
        public enum State: Sendable, Hashable {
            case open
            /// The consensus coding of the code there, and who decided (nil: not recorded).
            case accepted(codingID: String, by: String?)
            /// The dismissal memo and who dismissed.
            case dismissed(memoID: String, by: String)
        }

        public var code: String
        public var appliedBy: [String]
        public var notAppliedBy: [String]
        public var state: State
        /// Those of `notAppliedBy` with an orphaned coding of the code in the document: their
        /// coding may be this one, lost from its place when the transcript changed, so they may
        /// not disagree at all (re-attach it first).
        public var orphanedBy: [String] = []
    }

    /// A disputed segment: the unit of agreement on which some coders applied a code and others did not.
    public struct Passage: Sendable, Hashable {
        public var documentID: String
        public var segment: Int
        public var start: Int
        public var end: Int
        public var text: String
        /// Every compared coder and the consensus (when it coded here), each with the codes they
        /// applied to the passage, in codebook order.
        public var codesByCoder: [CoderCodes]
        public var decisions: [Decision]
        public var discussion: Memo?
    }

    public struct CoderCodes: Sendable, Hashable {
        public var coder: String
        public var codes: [String]
    }

    public struct Report: Sendable, Hashable {
        public var coders: [String]
        /// Coders not compared by default (`AgreementReport.setAside`).
        public var setAside: [String] = []
        public var passages: [Passage]
        /// Segments consent withholds today: not units, so never disputed passages here.
        public var withheld = WithheldCount()
        /// The documents compared: those every coder coded (none: nothing was compared).
        public var documents: [String] = []

        /// Disputed codes not yet accepted or dismissed, over all passages.
        public var openDecisions: Int { passages.reduce(0) { $0 + $1.decisions.filter { $0.state == .open }.count } }
    }

    let store: any FieldworkStore
    let codings: CodingService
    let memos: MemoService

    public init(store: any FieldworkStore, codings: CodingService, memos: MemoService) {
        self.store = store
        self.codings = codings
        self.memos = memos
    }

    var agreement: AgreementService { AgreementService(store: store) }

    /// The disputed passages among `request.coders`, or among everyone but the consensus.
    public func passages(_ request: AgreementService.Request) async throws -> Report {
        // Without coders named, those the agreement compares by default (`DefaultComparedCoders`).
        let report = try await agreement.agreement(request)
        let codebook = try await store.codebook()
        let order = Dictionary(codebook.codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var passages: [Passage] = []
        var byDocument: [String: (codings: [Coding], orphans: [Coding], notes: [(Memo, AdjudicationNote)])] = [:]
        for item in report.disagreements {
            let unit = item.unit
            if let last = passages.last, last.documentID == unit.documentID, last.segment == unit.segmentIndex {
                passages[passages.count - 1].decisions.append(Decision(code: item.code, appliedBy: item.appliedBy,
                                                                       notAppliedBy: item.notAppliedBy, state: .open))
                continue
            }
            if byDocument[unit.documentID] == nil {
                byDocument[unit.documentID] = (try await store.codings(CodingFilter(documentID: unit.documentID, status: .anchored)),
                                               try await store.codings(CodingFilter(documentID: unit.documentID, status: .orphaned)),
                                               try await notes(of: unit.documentID))
            }
            let window = try await store.textWindow(documentID: unit.documentID, around: unit.start..<unit.end)
            let text = window.flatMap { TextQuoteAnchor(span: unit.start..<unit.end, in: $0)?.quote } ?? ""
            passages.append(Passage(documentID: unit.documentID, segment: unit.segmentIndex, start: unit.start, end: unit.end,
                                    text: text, codesByCoder: [], decisions: [Decision(code: item.code, appliedBy: item.appliedBy,
                                                                                       notAppliedBy: item.notAppliedBy, state: .open)],
                                    discussion: nil))
        }
        for index in passages.indices {
            let passage = passages[index]
            guard let context = byDocument[passage.documentID] else { continue }
            let here = context.codings.filter { $0.start < passage.end && $0.end > passage.start }
            let coders = report.coders + (report.coders.contains(Consensus.coder) || !here.contains(where: { $0.coder == Consensus.coder }) ? [] : [Consensus.coder])
            passages[index].codesByCoder = coders.map { coder in
                let codes = Set(here.filter { $0.coder == coder }.map(\.codeID))
                return CoderCodes(coder: coder, codes: codes.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) })
            }
            let notes = context.notes.filter { $0.1.isAbout(start: passage.start, end: passage.end) }
            passages[index].discussion = notes.first { $0.1.kind == .discussion }?.0
            for decision in passages[index].decisions.indices {
                let code = passages[index].decisions[decision].code
                let counted = Set(request.includeChildren ? codebook.subtree(of: code) : [code])
                passages[index].decisions[decision].orphanedBy = passages[index].decisions[decision].notAppliedBy.filter { coder in
                    context.orphans.contains { $0.coder == coder && counted.contains($0.codeID) }
                }
                if let accepted = here.first(where: { $0.coder == Consensus.coder && $0.codeID == code }) {
                    passages[index].decisions[decision].state = .accepted(codingID: accepted.id, by: accepted.updatedBy)
                } else if let dismissal = notes.first(where: { $0.1.kind == .dismissed(code: code) })?.0 {
                    passages[index].decisions[decision].state = .dismissed(memoID: dismissal.id, by: dismissal.author)
                }
            }
        }
        return Report(coders: report.coders, setAside: report.setAside, passages: passages,
                      withheld: report.consent?.withheldSegments ?? WithheldCount(), documents: report.documents)
    }

    /// Takes `code` into the consensus for the passage: a coding by the consensus coder over its
    /// span, its memo naming the decider, written to the decider's codings file.
    public func accept(document documentID: String, start: Int, end: Int, code: String, by decider: String) async throws -> WrittenCoding {
        try await requirePassage(documentID, start: start, end: end)
        // One decision per code and passage: accepted after a dismissal, the two stood side by side.
        if let dismissal = try await dismissal(of: code, documentID, start: start, end: end) {
            throw StoreError.conflict("code \(code) is dismissed for this passage (memo \(dismissal.id)); remove that memo to accept it instead")
        }
        return try await codings.addToConsensus(document: documentID, span: start..<end, code: code,
                                                memo: Consensus.acceptanceMemo(by: decider), by: decider)
    }

    /// Records that `code` is not taken into the consensus for the passage (a document memo by the decider).
    public func dismiss(document documentID: String, start: Int, end: Int, code: String, by decider: String) async throws -> Memo {
        try await requirePassage(documentID, start: start, end: end)
        guard try await store.codeExists(code) else { throw CodingError.unknownCode(code) }
        if let existing = try await dismissal(of: code, documentID, start: start, end: end) {
            throw StoreError.conflict("code \(code) is already dismissed for this passage (memo \(existing.id))")
        }
        let consensus = try await store.codings(CodingFilter(documentID: documentID, coder: Consensus.coder))
        if let accepted = consensus.first(where: { $0.codeID == code && $0.start < end && $0.end > start }) {
            throw StoreError.conflict("code \(code) is accepted into the consensus for this passage (coding \(accepted.id)); remove that coding to dismiss it instead")
        }
        let note = AdjudicationNote(kind: .dismissed(code: code), start: start, end: end, body: Consensus.dismissalBody(by: decider))
        return try await memos.add(target: .document, targetID: documentID, author: decider, text: note.memoText)
    }

    /// Writes the passage's discussion memo: a new one, or the existing one at `version`.
    public func discuss(document documentID: String, start: Int, end: Int, text: String, by author: String,
                        version: Int?) async throws -> Memo {
        try await requirePassage(documentID, start: start, end: end)
        guard !text.trimmingSpaces.isEmpty else { throw MemoError.emptyText }
        let note = AdjudicationNote(kind: .discussion, start: start, end: end, body: text.trimmingSpaces)
        if let existing = try await notes(of: documentID).first(where: { $0.1.isAbout(start: start, end: end) && $0.1.kind == .discussion })?.0 {
            return try await memos.update(id: existing.id, text: note.memoText, expectedVersion: version ?? 0)
        }
        return try await memos.add(target: .document, targetID: documentID, author: author, text: note.memoText)
    }

    private func dismissal(of code: String, _ documentID: String, start: Int, end: Int) async throws -> Memo? {
        try await notes(of: documentID).first { $0.1.isAbout(start: start, end: end) && $0.1.kind == .dismissed(code: code) }?.0
    }

    private func notes(of documentID: String) async throws -> [(Memo, AdjudicationNote)] {
        try await store.memos(target: .document, targetID: documentID).compactMap { memo in
            AdjudicationNote(memoText: memo.text).map { (memo, $0) }
        }
    }

    /// A passage is a segment of the document, exactly.
    private func requirePassage(_ documentID: String, start: Int, end: Int) async throws {
        guard try await store.document(id: documentID) != nil else { throw StoreError.notFound("document '\(documentID)'") }
        guard try await store.segments(documentID: documentID).contains(where: { $0.start == start && $0.end == end }) else {
            throw StoreError.notFound("passage \(start)-\(end) of document '\(documentID)' (not one of its segments)")
        }
    }
}
