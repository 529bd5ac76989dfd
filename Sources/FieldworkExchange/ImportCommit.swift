import FieldworkCore
import FieldworkServices
import Foundation

/// Writes a planned import as one unit: new codes go into the codebook YAML (through
/// `CodebookEditor`, like codes added in the browser) and every coding and memo into the store
/// in one transaction; if that transaction is refused, the codebook is put back as it was.
enum ImportCommit {
    /// - Parameter files: corpus files for the documents the batch creates. They are written
    ///   under temporary names first and renamed into place just before the batch is stored;
    ///   if anything fails, they are removed, so a failed import leaves no corpus file behind.
    /// - Parameter participants: new participants (from the project's cases), appended to
    ///   `corpus/participants.yaml` and the store with the batch and put back if anything fails.
    static func apply(newCodes: [Code], batch: ExchangeBatch, files: [(url: URL, markdown: String)] = [],
                      participants: ParticipantsAppend? = nil, context: FieldworkContext, options: ImportOptions, report: inout ImportReport) async throws {
        report.dryRun = options.dryRun
        var batch = batch, files = files, participants = participants
        if options.codesOnly {
            batch = ExchangeBatch()
            files = []
            participants = nil
            report.participantsCreated = []
            report.codingsImported = 0
            report.memosImported = 0
            report.documentsCreated = []
        } else if !report.codebookOnly, batch.isEmpty, !newCodes.isEmpty {
            // Codes alone would be half an import: the codebook grows and nothing is coded with them.
            report.problems.append(.init(item: EnglishCount.of(newCodes.count, "new code"), reason: "not added: no codings, memos or "
                + "documents come with them (add the codes alone with --codes-only)"))
            return
        }
        if options.dryRun || (options.strict && !report.problems.isEmpty) { return }
        guard let store = context.store as? any ExchangeStore else { throw ExchangeError.storeCannotImport }
        let staged = try CorpusStaging(files)
        let write: @Sendable () async throws -> Void = { [batch, participants, context] in
            try staged.place()
            if let participants {
                try participants.place()
                try await context.store.replaceParticipants(participants.participants, file: participants.fileState)
            }
            if !batch.isEmpty { try await store.insertExchangeBatch(batch) }
        }
        do {
            if newCodes.isEmpty {
                try await write()
            } else {
                _ = try await context.codebookEditor.add(newCodes, then: write)
            }
        } catch {
            staged.discard()
            if let participants, participants.restore() {
                // The store as it was: ingest's record of the file, and its participants.
                try? await context.store.replaceParticipants(participants.before, file: participants.originalFileState)
            }
            throw error
        }
        report.written = true
    }
}
