import FieldworkCore
import FieldworkServices
import Foundation

/// Turns an imported REFI-QDA project into Fieldwork codings and memos, checking every coding
/// against the document its source maps to. Nothing is written here: what maps is collected
/// for one transaction, and what does not goes into the report with the reason.
struct ProjectImportPlanner {
    private(set) var report: ImportReport
    private(set) var codings: [Coding] = []
    private(set) var memos: [Memo] = []
    /// Documents made from sources no document matches (nil maker: sources must match).
    private(set) var made: [SourceDocumentMaker.Made] = []
    private var maker: SourceDocumentMaker?

    private var people: ImportPeople
    private var notes: NoteIndex
    private let codeIDs: [String: String]
    private let folderGUIDs: Set<String>
    /// The project's cases, made participants of the documents created from their sources.
    private(set) var cases: CaseParticipants
    /// Normalised source GUID → the indices of the cases that refer to it.
    private let casesBySource: [String: [Int]]
    private var documents: DocumentMatcher
    private var knownCodings: Set<[String]>
    private var knownMemos: Set<[String]>
    private let now = Coding.timestamp()
    /// The exporting tool (`origin`), which says how positions are counted when quotes do not.
    private let origin: String?

    init(report: ImportReport, people: ImportPeople, notes: NoteIndex, codeIDs: [String: String],
         folderGUIDs: Set<String> = [], cases: CaseParticipants = CaseParticipants(), documents: DocumentMatcher, maker: SourceDocumentMaker?, existingCodings: [Coding], existingMemos: [Memo]) {
        self.report = report
        self.maker = maker
        origin = report.origin
        self.people = people
        self.notes = notes
        self.codeIDs = codeIDs
        self.folderGUIDs = folderGUIDs
        self.cases = cases
        casesBySource = cases.casesBySource
        self.documents = documents
        knownCodings = Set(existingCodings.map(Self.identity))
        knownMemos = Set(existingMemos.map(Self.identity))
    }

    /// The same coding: same place, same code, same coder (two coders agreeing are two codings).
    private static func identity(_ coding: Coding) -> [String] {
        [coding.documentID, coding.codeID, String(coding.start), String(coding.end), coding.coder]
    }

    private static func identity(_ memo: Memo) -> [String] {
        [memo.target.rawValue, memo.targetID, memo.text]
    }

    mutating func plan(_ project: REFI.Project, archive: QDPXArchive) {
        report.problems += notes.problems
        for source in project.sources?.textSources ?? [] {
            planSource(source, archive: archive)
        }
        for note in notes.take(project.noteRefs) { addMemo(.project, "", note) }
        planCodeMemos(project.codeBook?.codes?.codes ?? [])
        // Notes nobody refers to are journals: project memos.
        for note in notes.takeRemaining() { addMemo(.project, "", note) }
        if people.fallbackUses > 0 {
            report.notImported.append("\(EnglishCount.of(people.fallbackUses, "item")) named no known user and are attributed to \(people.fallback)")
        }
    }

    private mutating func planSource(_ source: REFI.TextSource, archive: QDPXArchive) {
        let name = source.name ?? source.guid ?? "?"
        guard let (text, documentID) = resolve(source, name: name, archive: archive) else {
            // The notes of what cannot be imported go with it, rather than turn up as project memos.
            dropNotes(of: source)
            return
        }
        let documentText = documents.texts[documentID] ?? ScalarText("")
        let selections = source.selections ?? []
        let parsed = selections.map(Self.parse)
        let choice = PositionReadingChoice.choose(text, text: documentText, selections: parsed.compactMap { $0 }, origin: origin)
        report.sources.append(.init(source: name, document: documentID, positions: choice.positions.reading,
                                    basis: choice.basis))
        for (selection, span) in zip(selections, parsed) {
            planSelection(selection, span: span, positions: choice.positions, alternatives: choice.alternatives,
                          document: documentID, text: documentText)
        }
        if let whole = source.codings, !whole.isEmpty {
            for coding in whole { _ = notes.take(coding.noteRefs) }
            report.problems.append(.init(item: "source \"\(name)\"", reason: "\(EnglishCount.of(whole.count, "coding")) of the whole "
                + "source not imported: Fieldwork codes spans of text"))
        }
        for note in notes.take(source.noteRefs) { addMemo(.document, documentID, note) }
    }

    /// The source's text and the document it is, or nil with the reason in the report.
    private mutating func resolve(_ source: REFI.TextSource, name: String, archive: QDPXArchive) -> (SourceTextMap, String)? {
        let label = "source \"\(name)\""
        let codingCount = (source.selections ?? []).reduce(0) { $0 + ($1.codings?.count ?? 0) }
        let lost = "\(codingCount) coding\(codingCount == 1 ? "" : "s") and its notes not imported"
        let text: SourceTextMap
        do {
            guard let loaded = try load(source, archive: archive) else {
                report.problems.append(.init(item: label, reason: "its plain text is neither inline nor an internal file "
                    + "(\(source.plainTextPath ?? "no plainTextPath")); \(lost)"))
                return nil
            }
            text = loaded
        } catch {
            report.problems.append(.init(item: label, reason: "\(error); \(lost)"))
            return nil
        }
        switch documents.match(text: text.text, name: source.name) {
        case .document(let id):
            return (text, id)
        case .none:
            guard var maker else {
                report.problems.append(.init(item: label, reason: "could not map: its text is not the plain text of any "
                    + "document (compared after NFC and line-ending normalisation), and --match-only creates none; \(lost)"))
                return nil
            }
            let indices = source.guid.map(StableGUID.normalized).flatMap { casesBySource[$0] } ?? []
            // Kept to undo: a case becomes a participant only with a document it takes part in.
            let casesBefore = cases
            let people = indices.compactMap { cases.participant(forCase: $0) }
            maker.participants.formUnion(people)
            let result = maker.make(source, text: text.text, cases: people, personNames: cases.personNames(ofCases: indices),
                                    markdown: markdown(of: source, archive: archive))
            self.maker = maker
            switch result {
            case .success(let document):
                made.append(document)
                let id = document.change.metadata.id
                documents.add(id: id, title: document.change.metadata.title, text: text.text)
                report.documentsCreated.append(.init(source: name, path: document.path, speakers: document.speakers,
                                                     participants: document.change.metadata.participants))
                return (text, id)
            case .failure(let problem):
                cases = casesBefore
                report.problems.append(.init(item: problem.item, reason: problem.reason + "; \(lost)"))
            }
        case .ambiguous(let ids):
            report.problems.append(.init(item: label, reason: "could not map: several documents have its text "
                + "(\(ids.joined(separator: ", "))); \(lost)"))
        }
        return nil
    }

    private mutating func dropNotes(of source: REFI.TextSource) {
        _ = notes.take(source.noteRefs)
        for selection in source.selections ?? [] {
            _ = notes.take(selection.noteRefs)
            for coding in selection.codings ?? [] { _ = notes.take(coding.noteRefs) }
        }
    }

    private func load(_ source: REFI.TextSource, archive: QDPXArchive) throws -> SourceTextMap? {
        if let path = source.plainTextPath {
            return try archive.internalFile(path).map(SourceTextMap.init(data:))
        }
        return try source.plainTextContent.map(SourceTextMap.init(inline:))
    }

    /// The source's Markdown from a Fieldwork export, in canonical form (see `SourceMarkdown`).
    private func markdown(of source: REFI.TextSource, archive: QDPXArchive) -> String? {
        let path = source.guid.map { SourceMarkdown.path(sourceGUID: StableGUID.normalized($0)) }
        return path.flatMap(archive.internalFile).flatMap { try? SourceText.decode($0, path: "markdown").text }
    }

    /// A selection's positions and quote, or nil when its positions are not numbers.
    private static func parse(_ selection: REFI.Selection) -> PositionReadingChoice.Selection? {
        guard let start = selection.startPosition.flatMap({ Int($0.trimmingSpaces) }),
              let end = selection.endPosition.flatMap({ Int($0.trimmingSpaces) }) else { return nil }
        return .init(start: start, end: end, quote: QuoteComparison.quote(from: selection.name))
    }

    private mutating func planSelection(_ selection: REFI.Selection, span parsed: PositionReadingChoice.Selection?,
                                        positions: SourcePositions, alternatives: [SourcePositions], document: String,
                                        text: ScalarText) {
        let label = "selection \(selection.guid ?? "?") in \(document)"
        // Taken first, so that the notes of a selection that cannot be imported are dropped with it.
        let selectionNotes = notes.take(selection.noteRefs)
        let codingNotes = (selection.codings ?? []).map { notes.take($0.noteRefs) }
        guard let parsed else {
            report.problems.append(.init(item: label, reason: "it has no valid startPosition and endPosition"))
            return
        }
        let (start, end) = (parsed.start, parsed.end)
        let span: Range<Int>
        switch positions.span(start, end) {
        case .success(let placed): span = placed
        case .failure(let failure):
            report.problems.append(.init(item: label, reason: failure.reason(start, end, reading: positions.reading)))
            return
        }
        let (lower, upper) = (span.lowerBound, span.upperBound)
        guard text.isValidSpan(span), !text[span].trimmingSpaces.isEmpty else {
            report.problems.append(.init(item: label, reason: "[\(start), \(end)) is empty or holds only white space"))
            return
        }
        if parsed.quote != nil, !PositionReadingChoice.agrees(parsed, positions, text) {
            let fitting = alternatives.filter {
                $0.reading != positions.reading && PositionReadingChoice.agrees(parsed, $0, text)
            }.map(\.reading)
            report.problems.append(.init(item: label, reason: fitting.isEmpty
                ? "its quote (the selection's name) disagrees with the text at [\(start), \(end)) under every reading of positions; not imported"
                : "its quote agrees with the text only when positions count \(fitting[0].rawValue), but the source's other "
                    + "selections count \(positions.reading.rawValue); not imported"))
            return
        }
        let anchor = TextQuoteAnchor(span: lower..<upper, in: text)
        guard let codingElements = selection.codings, !codingElements.isEmpty else {
            // A passage with a note and no code (an annotation): kept as a memo on the document.
            let passage = "On “\(ProjectXML.preview(anchor.quote))” [\(lower), \(upper)):"
            let body = ([selection.description ?? ""] + selectionNotes.map(\.text)).map(\.trimmingSpaces).filter { !$0.isEmpty }
            if !body.isEmpty {
                addMemo(.document, document, NoteIndex.Note(guid: selection.guid ?? "", text: body.joined(separator: "\n\n"),
                                                             user: selection.creatingUser, created: nil), heading: passage)
            }
            return
        }
        for (element, ownNotes) in zip(codingElements, codingNotes) {
            guard let guid = element.codeRef?.targetGUID.map(StableGUID.normalized), let codeID = codeIDs[guid] else {
                if let guid = element.codeRef?.targetGUID, folderGUIDs.contains(StableGUID.normalized(guid)) {
                    report.problems.append(.init(item: label, reason: "its coding refers to a code folder that is not codable "
                        + "(isCodable=\"false\"); not imported"))
                    continue
                }
                report.problems.append(.init(item: label, reason: "its coding refers to code \(element.codeRef?.targetGUID ?? "(none)"), "
                    + "which is not in the file's codebook"))
                continue
            }
            let memoNotes = ownNotes + selectionNotes
            let memo = memoNotes.isEmpty ? selection.description?.trimmingSpaces : memoNotes.map(\.text).joined(separator: "\n\n")
            let coding = Coding(
                id: Coding.newID(), documentID: document, codeID: codeID,
                coder: people.name(element.creatingUser, selection.creatingUser, selection.modifyingUser),
                memo: memo.flatMap { $0.isEmpty ? nil : $0 }, anchor: anchor,
                createdAt: (element.creationDateTime ?? selection.creationDateTime).flatMap(QDADateTime.date).map(Coding.timestamp) ?? now)
            guard knownCodings.insert(Self.identity(coding)).inserted else {
                report.codingsAlreadyPresent += 1
                continue
            }
            codings.append(coding)
        }
    }

    private mutating func planCodeMemos(_ codes: [REFI.Code]) {
        for code in codes {
            if let guid = code.guid.map(StableGUID.normalized), let id = codeIDs[guid] {
                for note in notes.take(code.noteRefs) { addMemo(.code, id, note) }
            }
            planCodeMemos(code.children ?? [])
        }
    }

    private mutating func addMemo(_ target: Memo.Target, _ targetID: String, _ note: NoteIndex.Note, heading: String? = nil) {
        let text = ([heading, note.text].compactMap { $0 }).joined(separator: "\n\n").trimmingSpaces
        guard !note.text.isEmpty else { return }  // an empty note carries nothing
        // MemoService's limit, so that an imported memo can be edited like any other.
        guard text.utf8.count <= 100_000 else {
            report.problems.append(.init(item: "note \"\(note.name ?? note.guid)\"", reason: "longer than a memo may be (100,000 bytes)"))
            return
        }
        let memo = Memo(id: Memo.newID(), target: target, targetID: targetID, author: people.name(note.user), text: text,
                        createdAt: note.created.map(Coding.timestamp) ?? now)
        guard knownMemos.insert(Self.identity(memo)).inserted else {
            report.memosAlreadyPresent += 1
            return
        }
        memos.append(memo)
    }
}
