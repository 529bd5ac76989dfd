import FieldworkCore
import Foundation

/// Brings the workspace files into the store: participants, codebook, corpus, telemetry.
///
/// Each file is all-or-nothing: a file with a problem changes nothing in the store, and the
/// other files go on. Unchanged files (same content hash, same parser version) are skipped; a
/// corpus file whose size and modification time are those recorded when it was last hashed is
/// not even read, unless `rehash` asks for every file to be read (`FileStamp`).
public struct IngestService: Sendable {
    public typealias Progress = @Sendable (_ done: Int, _ total: Int) -> Void

    let workspace: Workspace
    let store: any FieldworkStore
    let ledger: CodingLedger
    /// Whether other workspaces ingest into the store too (`IngestBase` guards their texts).
    let shared: Bool

    /// - Parameter ledger: the workspace's shared ledger writer (`FieldworkContext.ledger`).
    /// - Parameter shared: as the store says (`sharedByWorkspaces`) unless given.
    public init(workspace: Workspace, store: any FieldworkStore, ledger: CodingLedger? = nil, shared: Bool? = nil) {
        self.workspace = workspace
        self.store = store
        self.ledger = ledger ?? CodingLedger(folder: workspace.codingsFolder)
        self.shared = shared ?? store.sharedByWorkspaces
    }

    /// Ingests everything, or only `paths` (files or folders, relative to the workspace);
    /// `rehash` reads and hashes every corpus and telemetry file, whatever its size and modification time.
    /// `replaceStored`: on a shared store, these files (or folders) replace the store's text even
    /// when another workspace changed it since this one last ingested it (`IngestBase`).
    public func ingest(paths: [String] = [], rehash: Bool = false, replaceStored: [String] = [],
                       progress: Progress? = nil) async throws -> IngestSummary {
        let files = paths.isEmpty ? WorkspaceFiles.discover(in: workspace) : try WorkspaceFiles.named(paths, in: workspace)
        var summary = IngestSummary()
        let stored = try await store.sourceFiles()
        // Erased participants (`fieldwork erase`): any file that names them is refused.
        let erased = try ErasedList.load(workspace)
        // The corpus is parsed from here on, while the register and the codebook are read.
        var parsing = CorpusParsing(files: files.corpus.map { (url: $0, path: workspace.relativePath(of: $0)) },
                                    progress: progress) { [service = self] file, parser in
            service.parseOne(file.url, path: file.path, parser: parser, stored: stored, rehash: rehash)
        }
        let participantIDs = try await ingestParticipants(files.participants, stored: stored, erased: erased, into: &summary)
        let registerRead = summary.problems.isEmpty
        try await ingestCodebook(files.codebooks, stored: stored, complete: files.isComplete, into: &summary)
        try await ingestCorpus(files, parsing: &parsing, stored: stored, participants: participantIDs, erased: erased,
                               replaceStored: replaceStored, into: &summary)
        // Telemetry after the participants, so that consent is checked against the register as
        // it now stands, and after the corpus, so that a pilot's millions of readings do not hold
        // up the documents someone is waiting to code. Not while the register has a problem: its
        // stored consents may be older than the file's (a withdrawal not yet taken in).
        if registerRead {
            try await TelemetryIngest(workspace: workspace, store: store).ingest(files.telemetry, rehash: rehash, into: &summary)
        } else if !files.telemetry.isEmpty {
            summary.problems.append(SourceProblem(file: "corpus/telemetry", line: 0,
                                                  "not taken in until corpus/participants.yaml can be read: consent is checked against it"))
        }
        summary.warnings += RecordingWarnings.check(try await store.documentsWithRecordings(), in: workspace)
        try await IngestAudit(workspace: workspace, store: store).record(summary)
        // Codings and memos travel as files: take in colleagues' changes, write out our own.
        let ledger = try await LedgerSync(store: store, ledger: ledger).sync()
        summary.ledger = ledger
        summary.problems += ledger.problems
        summary.warnings += try await registerWarnings()
        summary.warnings += try await NeedLinkWarnings(workspace: workspace, store: store).problems()
        summary.warnings += try await UnknownCodeWarnings(workspace: workspace, store: store).problems()
        // When the register or the codebook changed (it reads the corpus of each participant who withdrew).
        if summary.participants != nil || summary.codes != nil {
            summary.warnings += try await WithdrawnQuoteWarnings(store: store, workspace: workspace).problems()
        }
        return summary
    }

    /// The problems of the policy-lab notes (unknown status, malformed date, unknown code): the
    /// notes are fine as documents, so they are warnings, not failures — but said at ingest,
    /// not only when someone opens the register. A solutions catalogue that cannot be read is
    /// reported by its own check, so here it only says the register was not checked.
    private func registerWarnings() async throws -> [SourceProblem] {
        do {
            return try await PolicyLabRegisterService(workspace: workspace, store: store).problems().map(\.sourceProblem)
        } catch let error as SourceProblems {
            return error.problems.map { SourceProblem($0.location, "the policy-lab register was not checked: \($0.message)") }
        }
    }

    private func state(of url: URL) -> String { workspace.relativePath(of: url) }

    // MARK: Participants

    private func ingestParticipants(
        _ url: URL?, stored: [String: SourceFileState], erased: Set<String>, into summary: inout IngestSummary
    ) async throws -> Set<String> {
        let before = try await store.participants()
        let current = Set(before.map(\.id))
        guard let url else { return current }
        do {
            let source = try SourceText.read(url, path: state(of: url))
            if stored[source.path]?.contentHash == source.contentHash { return current }
            let participants = try ParticipantsParser.parse(source)
            if let back = participants.first(where: { erased.contains($0.id) }) {
                summary.problems.append(ErasedList.problem(file: source.path, line: IngestAudit.line(of: "id: \(back.id)", in: source.text), back.id))
                return current
            }
            try await store.replaceParticipants(participants, file: SourceFileState(
                path: source.path, contentHash: source.contentHash, parserVersion: CorpusDocumentParser.version))
            try await IngestAudit(workspace: workspace, store: store).recordConsentChanges(from: before, to: participants)
            summary.participants = participants.count
            return Set(participants.map(\.id))
        } catch {
            summary.problems += Self.problems(from: error, path: state(of: url))
            return current
        }
    }

    // MARK: Codebook

    private func ingestCodebook(
        _ urls: [URL], stored: [String: SourceFileState], complete: Bool, into summary: inout IngestSummary
    ) async throws {
        guard !urls.isEmpty else { return }
        let sources: [SourceText]
        do {
            sources = try urls.map { try SourceText.read($0, path: state(of: $0)) }
        } catch {
            summary.problems += Self.problems(from: error, path: "codebooks")
            return
        }
        let storedCodebookFiles = stored.values.filter { $0.path.hasPrefix("codebooks/") && $0.documentID == nil }
        let unchanged = sources.allSatisfy { stored[$0.path]?.contentHash == $0.contentHash }
            && (!complete || storedCodebookFiles.count == sources.count)
        if unchanged { return }
        var parsed: Codebook?
        do {
            let codebook = try CodebookParser.parse(sources)
            parsed = codebook
            let files = sources.map { SourceFileState(path: $0.path, contentHash: $0.contentHash, parserVersion: CorpusDocumentParser.version) }
            let result = try await store.replaceCodebook(codebook, files: files)
            summary.codes = result.codes
            summary.codingsRemapped = result.codingsRemapped
            summary.duplicatesRemoved = result.duplicatesRemoved
            summary.memosMoved = result.memosMoved
        } catch let refusal as CodebookChangeRefused {
            summary.problems += StrandedCodes.problems(refusal, before: try await store.codebook(), after: parsed ?? Codebook(codes: []))
        } catch {
            summary.problems += Self.problems(from: error, path: "codebooks")
        }
    }

    // MARK: Corpus

    /// The chunks `parsing` gives are written as they come, while the next ones are parsed, so
    /// parsing and SQLite work overlap. Each chunk is one transaction; each file in it one savepoint.
    private func ingestCorpus(
        _ files: WorkspaceFiles, parsing: inout CorpusParsing, stored: [String: SourceFileState], participants: Set<String>,
        erased: Set<String>, replaceStored: [String], into summary: inout IngestSummary
    ) async throws {
        var base = shared ? IngestBase.load(workspace) : nil
        let replacing = replaceStored.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        func mayReplace(_ path: String) -> Bool { replacing.contains { path == $0 || path.hasPrefix($0 + "/") } }
        // The erased count as known, so that a file naming them is refused as erased (below), not
        // as naming someone unknown.
        let known = participants.union(erased)
        let listed = parsing.chunks.joined()
        let listedPaths = Set(listed.map(\.path))
        // A stored document keeps its id while its file exists: a new file may not take it (a
        // renamed file may, since its old path is gone). A whole-corpus ingest asks the listing,
        // not the disk, whether the file is there.
        var ownerOfID = CorpusDocumentIDs.storedOwners(stored, in: workspace, listed: files.isComplete ? listedPaths : nil)
        var restamped: [String: FileStamp] = [:]
        for index in parsing.chunks.indices {
            let outcomes = parsing.checked(await parsing.outcomes(of: index), of: index, known: known)
            var changes: [DocumentChange] = []
            for outcome in outcomes {
                switch outcome {
                case .unchanged(let path, let stamp):
                    summary.unchanged += 1
                    if let stamp { restamped[path] = stamp }
                    if let hash = stored[path]?.contentHash { base?.saw(path, hash: hash) }
                case .parsed(let change, let idLine):
                    if let problem = IngestAudit.erasedProblem(in: change, idLine: idLine, erased: erased) {
                        summary.failed += 1
                        summary.problems.append(problem)
                        continue
                    }
                    if let base, let current = stored[change.file.path], current.documentID != nil,
                       !base.mayReplace(current), !mayReplace(change.file.path) {
                        summary.failed += 1
                        summary.problems.append(IngestBase.problem(change, idLine: idLine))
                        continue
                    }
                    if let owner = ownerOfID[change.metadata.id], owner != change.file.path {
                        summary.failed += 1
                        summary.problems.append(CorpusDocumentIDs.duplicate(id: change.metadata.id, line: idLine,
                                                                             path: change.file.path, owner: owner))
                        continue
                    }
                    ownerOfID[change.metadata.id] = change.file.path
                    changes.append(change)
                    summary.warnings += UnknownSpeakers.warnings(in: change, known: participants)
                    if let undated = UndatedMaterial.warning(in: change, idLine: idLine) { summary.warnings.append(undated) }
                case .failed(let problems):
                    summary.failed += 1
                    summary.problems += problems
                }
            }
            for result in try await store.applyDocuments(changes) {
                if let change = changes.first(where: { $0.metadata.id == result.documentID }) {
                    base?.saw(change.file.path, hash: change.file.contentHash)
                }
                if result.outcome == .added { summary.added += 1 } else { summary.updated += 1 }
                summary.changedDocuments.append(result.documentID)
                summary.codingsReanchored += result.reanchor.reanchored
                summary.orphaned += result.reanchor.orphaned
                summary.recovered += result.reanchor.recovered
            }
            summary.segments += changes.reduce(0) { $0 + $1.text.segments.count }
        }
        try await store.recordFileStamps(restamped)
        do {
            try base?.save()
        } catch {
            summary.warnings.append(SourceProblem(file: ".fieldwork/ingest-base.json", line: 0,
                                                  "not written (the next ingest may refuse files this one took in): \(error)"))
        }
        if files.isComplete {
            summary.missing = stored.values.filter { $0.documentID != nil && !listedPaths.contains($0.path) }.map(\.path).sorted()
        }
    }

    /// Reads one file; unchanged bytes (same fingerprint, same parser version) are not decoded,
    /// and a file with the stamp recorded at its last ingest is not read at all (unless `rehash`).
    func parseOne(_ url: URL, path: String, parser: CorpusDocumentParser, stored: [String: SourceFileState],
                  rehash: Bool) -> ParseOutcome {
        // Taken before reading, so a change during the read gives a stamp that will not match.
        let stamp = FileStamps.stamp(of: url)
        let previous = stored[path].flatMap { $0.parserVersion == CorpusDocumentParser.version ? $0 : nil }
        if !rehash, let stamp, let previous, previous.stamp == stamp, previous.documentID != nil {
            return .unchanged(path: path, restamp: nil)
        }
        do {
            let data = try SourceText.load(url, path: path)
            let hash = SourceText.contentHash(of: data)
            if let previous, previous.contentHash == hash, previous.documentID != nil {
                return .unchanged(path: path, restamp: stamp != previous.stamp ? stamp : nil)
            }
            var parsed = try parser.parse(try SourceText.decode(data, path: path, contentHash: hash))
            parsed.change.file.stamp = stamp
            return .parsed(parsed.change, idLine: parsed.idLine)
        } catch {
            return .failed(Self.problems(from: error, path: path))
        }
    }

    /// A file's problems, or any other error as a problem of the whole file (line 0).
    static func problems(from error: Error, path: String) -> [SourceProblem] {
        switch error {
        case let problems as SourceProblems: problems.problems
        case let problem as SourceProblem: [problem]
        default: [SourceProblem(file: path, line: 0, "\(error)")]
        }
    }
}

enum ParseOutcome: Sendable {
    /// `restamp`: the file's new stamp to record (its bytes were read and found unchanged).
    case unchanged(path: String, restamp: FileStamp?)
    case parsed(DocumentChange, idLine: Int)
    case failed([SourceProblem])
}
