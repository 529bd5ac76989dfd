import FieldworkCore
import FieldworkServices
import Foundation

/// `fieldwork import codebook FILE.qdc`: codes from another tool's REFI-QDA codebook. Codes that
/// are already ours (by GUID or name, see `CodeMapper`) are left as they are; the others are
/// added to the codebook YAML, all in one rewrite.
public struct CodebookImport: Sendable {
    let context: FieldworkContext

    public init(context: FieldworkContext) {
        self.context = context
    }

    public func run(_ url: URL, options: ImportOptions) async throws -> ImportReport {
        let data = try SourceText.load(url, path: url.path)
        let codebook = try REFIReader.codebook(data, file: url.lastPathComponent)
        var report = ImportReport(file: url.lastPathComponent, origin: codebook.origin)
        report.codebookOnly = true
        let codes = CodeMapper.map(codebook.codes?.codes ?? [], into: try await context.store.codebook())
        report.codesMatched = codes.matched
        report.codesMatchedByName = codes.matchedByName
        report.notImported = codes.folders.map { "code folder " + $0 }
        report.codesAdded = codes.newCodes.map(\.id)
        report.problems = codes.problems
        try await ImportCommit.apply(newCodes: codes.newCodes, batch: ExchangeBatch(), context: context, options: options,
                                     report: &report)
        return report
    }
}
