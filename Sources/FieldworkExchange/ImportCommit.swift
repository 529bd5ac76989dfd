import FieldworkCore
import FieldworkServices

/// Writes a planned import as one unit: new codes go into the codebook YAML (through
/// `CodebookEditor`, like codes added in the browser) and every coding and memo into the store
/// in one transaction; if that transaction is refused, the codebook is put back as it was.
enum ImportCommit {
    static func apply(newCodes: [Code], batch: ExchangeBatch, context: FieldworkContext, options: ImportOptions,
                      report: inout ImportReport) async throws {
        report.dryRun = options.dryRun
        if options.dryRun || (options.strict && !report.problems.isEmpty) { return }
        guard let store = context.store as? any ExchangeStore else { throw ExchangeError.storeCannotImport }
        let write: @Sendable () async throws -> Void = {
            if !batch.isEmpty { try await store.insertExchangeBatch(batch) }
        }
        if newCodes.isEmpty {
            try await write()
        } else {
            _ = try await CodebookEditor(workspace: context.workspace, store: context.store).add(newCodes, then: write)
        }
        report.written = true
    }
}
