import FieldworkCore
import Foundation

/// Erases a participant (GDPR art. 17): their words in the store, the codings files and the
/// corpus; their register entry, telemetry and devices; their own interviews' recordings.
/// Afterwards `corpus/erased.yaml` names them so that no ingest brings anything back, and the
/// recordings that held their voice so that none is played again; the audit log lists the
/// exports made before, to be recalled.
public struct ErasureService: Sendable {
    let context: FieldworkContext

    public init(context: FieldworkContext) {
        self.context = context
    }

    public struct Report: Sendable {
        public var participantID: String
        public var removedFiles: [String]
        public var redactedFiles: [(path: String, passages: Int)]
        public var codings: [StoreErasure.Deleted.DeletedCoding]
        public var memos: Int
        public var devices: [String]
        public var codingsFilesRewritten: [String]
        /// Exports made before the erasure (from the audit log): they may hold the words.
        public var earlierExports: [AuditEntry]
        /// Orphaned codings kept in redacted documents: their quotes come from earlier versions of
        /// the text and cannot be attributed, so a person reviews them.
        public var orphansKept: Int
        /// Problems the re-ingest after the erasure reported (`file:line: problem`).
        public var problems: [String]
        /// Recordings of their own interviews, deleted.
        public var recordingsDeleted: [String]
        /// Recordings others share, withheld for good until a person cuts their voice out.
        public var recordingsToEdit: [String]
        /// Codebook examples that quoted their words, removed from the codebook files.
        public var codebookExamples: [QuotedExample]
        /// The team's notes that still name them or quote their words: not changed, for a person to edit.
        public var notesToReview: [NoteToReview]
    }

    /// Refuses (`ServerLockError`) while a server runs on the workspace, before anyone is asked
    /// to confirm.
    public func plan(_ participantID: String) async throws -> ErasurePlan {
        _ = try ServerLock.exclusive(context.workspace, for: "`fieldwork erase`")
        if try ErasedList.load(context.workspace).contains(participantID) {
            throw ErasureError("\(participantID) is already erased (\(ErasedList.relativePath))")
        }
        guard try await context.store.participants().contains(where: { $0.id == participantID }) else {
            throw ErasureError("\(participantID) is not a participant (corpus/participants.yaml; run `fieldwork ingest` first if it was just added)")
        }
        var plan = try await ErasurePlan.make(participantID, store: context.store)
        // The files, not the store: they are what the edit changes, and what git shares.
        let codes: [Code]
        do {
            codes = try await context.codebookEditor.currentCodes()
        } catch let problems as SourceProblems {
            throw ErasureError("the codebook has problems, so its examples cannot be searched for quotes of \(participantID); "
                               + "fix them (`fieldwork codebook check`) and erase again: \(problems)")
        }
        plan.codebookExamples = QuotedExample.find(in: codes, passages: plan.passages)
        return plan
    }

    public func run(_ plan: ErasurePlan) async throws -> Report {
        let workspace = context.workspace
        let id = plan.participantID
        // Held to the end: no server may start (and read the words into memory) meanwhile.
        let lock = try ServerLock.exclusive(workspace, for: "`fieldwork erase`")
        defer { withExtendedLifetime(lock) {} }
        // Before anything else: a codebook that refuses the edit stops the erasure with nothing changed.
        try await context.codebookEditor.removeExamples(plan.codebookExamples)
        // The list first: should anything below fail, no ingest can bring the words back meanwhile.
        try ErasedList.add(id, recordings: plan.recordings.map(\.path), to: workspace)
        let deleted = try await context.store.erase(plan.storeErasure)
        // Keyed by content, the cache would never serve the old text again; it must not even hold it.
        context.documentCache.removeAll()
        let removedDocuments = Set(plan.removedFiles.map(\.documentID))
        let ledgerFiles = try rewriteLedger { record in
            switch record {
            case .coding(let entry): deleted.codings.contains { $0.id == entry.id } || removedDocuments.contains(entry.document)
            case .memo(let entry): deleted.memoIDs.contains(entry.id) || (entry.target == .document && removedDocuments.contains(entry.targetID))
            // A link joins a need and a solution: it names no participant.
            case .needLink: false
            }
        }
        for file in plan.removedFiles { try FileManager.default.removeItem(at: workspace.url(forRelativePath: file.path)) }
        for recording in plan.recordings where recording.deleted { try deleteRecording(recording.path) }
        for file in plan.redactedFiles {
            let url = workspace.url(forRelativePath: file.path)
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            try ExportFile.write(ErasureText.redactCorpusFile(text, dropping: file.lines, participant: id), to: url, permissions: nil)
        }
        try editRegister(workspace.participantsFile) { ErasureText.item($0, has: "id", id) }
        try editRegister(workspace.corpus.appending(path: "devices.yaml")) { ErasureText.item($0, has: "participant", id) }
        // The redacted files go in again; the remaining codings re-anchor in their new text.
        let summary = try await context.ingest.ingest()
        let redacted = plan.redactedFiles.map(\.documentID)
        try await context.store.refreshCodingContext(documentIDs: redacted)
        let refreshed = try await refreshLedgerContext(documents: Set(redacted))
        try await context.store.compact()
        // Read after everything else changed: what remains is what a person must look at. Past
        // this point the erasure is done; a file that cannot be read now (it was read above) must
        // not stop its report and audit entry.
        let mention = PersonMention(participantID: id, passages: plan.passages)
        let notes = NoteToReview.find(codingsFiles: (try? codingsFiles()) ?? [], codes: (try? await context.codebookEditor.currentCodes()) ?? [],
                                      mention: mention)
            + NoteToReview.find(lines: corpusTexts(), mention: mention)
        var orphans = 0
        for document in redacted {
            orphans += try await context.store.codings(CodingFilter(documentID: document, status: .orphaned)).count
        }
        let report = Report(
            participantID: id, removedFiles: plan.removedFiles.map(\.path),
            redactedFiles: plan.redactedFiles.map { ($0.path, $0.passages.count) }, codings: deleted.codings,
            memos: deleted.memoIDs.count, devices: deleted.devices,
            codingsFilesRewritten: Array(Set(ledgerFiles + refreshed)).sorted(),
            earlierExports: try await context.audit.exports(), orphansKept: orphans,
            problems: summary.problems.map(\.description),
            recordingsDeleted: plan.recordings.filter(\.deleted).map(\.path),
            recordingsToEdit: plan.recordings.filter { !$0.deleted }.map(\.path),
            codebookExamples: plan.codebookExamples, notesToReview: notes)
        try await context.record(.erasure, [
            "participant": id, "codings": String(deleted.codings.count), "memos": String(deleted.memoIDs.count),
            "documents_removed": plan.removedFiles.map(\.documentID).joined(separator: ","),
            "documents_redacted": redacted.joined(separator: ","), "devices": String(deleted.devices.count),
            "recordings_deleted": report.recordingsDeleted.joined(separator: ","),
            "recordings_withheld": report.recordingsToEdit.joined(separator: ","),
            // Which codes lost examples and how many, never the words.
            "codebook_examples": String(plan.codebookExamples.count),
            "codebook_examples_codes": Array(Set(plan.codebookExamples.map(\.codeID))).sorted().joined(separator: ","),
            "notes_to_review": String(notes.count),
        ])
        return report
    }

    /// Deletes the recording file (the file a symbolic link inside the workspace leads to, and
    /// the link); one that is already gone, or leads out of the workspace, is left as it is.
    private func deleteRecording(_ media: String) throws {
        guard case .available(let file, _, _) = DocumentRecording.locate(media, in: context.workspace) else { return }
        try FileManager.default.removeItem(at: file)
        let named = context.workspace.url(forRelativePath: media)
        if (try? FileManager.default.destinationOfSymbolicLink(atPath: named.path)) != nil { try FileManager.default.removeItem(at: named) }
    }

    /// Rewrites every codings file without the records `drop` picks; returns the files changed.
    private func rewriteLedger(dropping drop: (LedgerRecord) -> Bool) throws -> [String] {
        try editLedger { records in records.filter { !drop($0) } }
    }

    /// Codings files keep each coding's quote context as its author left it; after passages were
    /// cut out of a document, the context of the codings that stay is taken from the new text,
    /// so no file keeps a neighbouring passage's removed words.
    private func refreshLedgerContext(documents: Set<String>) async throws -> [String] {
        guard !documents.isEmpty else { return [] }
        var current: [String: Coding] = [:]
        for document in documents {
            for coding in try await context.store.codings(CodingFilter(documentID: document)) { current[coding.id] = coding }
        }
        return try editLedger { records in
            records.map { record in
                guard case .coding(var entry) = record, documents.contains(entry.document), let coding = current[entry.id],
                      coding.status == .anchored else { return record }
                entry.start = coding.start
                entry.end = coding.end
                entry.quote = coding.anchor.quote
                entry.prefix = coding.anchor.prefix
                entry.suffix = coding.anchor.suffix
                return .coding(entry)
            }
        }
    }

    private func editLedger(_ edit: ([LedgerRecord]) -> [LedgerRecord]) throws -> [String] {
        var changed: [String] = []
        for (path, records) in try codingsFiles() {
            let edited = edit(records)
            guard edited != records else { continue }
            try ExportFile.write(LedgerFile.render(edited), to: context.workspace.url(forRelativePath: path), permissions: nil)
            changed.append(path)
        }
        return changed
    }

    /// Each codings file (`codings/x.jsonl`) with its records, in name order.
    /// The corpus's transcripts and notes and the register, as they are after the erasure (not
    /// `corpus/erased.yaml`, which names them by design); a file that cannot be read is skipped.
    private func corpusTexts() -> [(path: String, text: String)] {
        let workspace = context.workspace
        let files = WorkspaceFiles.discover(in: workspace)
        return (files.corpus + [workspace.participantsFile]).compactMap { url in
            guard let data = try? Data(contentsOf: url) else { return nil }
            return (workspace.relativePath(of: url), String(decoding: data, as: UTF8.self))
        }
    }

    private func codingsFiles() throws -> [(path: String, records: [LedgerRecord])] {
        let folder = context.workspace.codingsFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.sorted().filter { $0.hasSuffix(".jsonl") }.map { name in
            let path = "codings/\(name)"
            return (path, try LedgerFile.parse(String(decoding: try Data(contentsOf: folder.appending(path: name)), as: UTF8.self), file: path))
        }
    }

    private func editRegister(_ url: URL, drop: ([Substring]) -> Bool) throws {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let edited = ErasureText.removeListItems(text, where: drop)
        if edited != text { try ExportFile.write(edited, to: url, permissions: nil) }
    }
}

public struct ErasureError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
