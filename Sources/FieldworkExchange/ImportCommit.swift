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
    static func apply(newCodes: [Code], batch: ExchangeBatch, files: [(url: URL, markdown: String)] = [],
                      context: FieldworkContext, options: ImportOptions, report: inout ImportReport) async throws {
        report.dryRun = options.dryRun
        var batch = batch, files = files
        if options.codesOnly {
            batch = ExchangeBatch()
            files = []
            report.codingsImported = 0
            report.memosImported = 0
            report.documentsCreated = []
        } else if !report.codebookOnly, batch.isEmpty, !newCodes.isEmpty {
            // Codes alone would be half an import: the codebook grows and nothing is coded with them.
            report.problems.append(.init(item: "\(newCodes.count) new code(s)", reason: "not added: no codings, memos or "
                + "documents come with them (add the codes alone with --codes-only)"))
            return
        }
        if options.dryRun || (options.strict && !report.problems.isEmpty) { return }
        guard let store = context.store as? any ExchangeStore else { throw ExchangeError.storeCannotImport }
        let staged = try CorpusStaging(files)
        let write: @Sendable () async throws -> Void = { [batch] in
            try staged.place()
            if !batch.isEmpty { try await store.insertExchangeBatch(batch) }
        }
        do {
            if newCodes.isEmpty {
                try await write()
            } else {
                _ = try await CodebookEditor(workspace: context.workspace, store: context.store).add(newCodes, then: write)
            }
        } catch {
            staged.discard()
            throw error
        }
        report.written = true
    }
}
