import FieldworkCore
import Foundation

/// Codings taken in from the codings files whose code is not in this workspace's codebook: a
/// colleague's newer codebook not pulled yet, a code renamed without `formerly:`, a hand-edited
/// file. They are kept (a coding is never dropped silently), but no page that lists codes shows
/// them, so ingest says where they are: one warning per file and code, at the line of its first
/// coding, with how many there are.
struct UnknownCodeWarnings {
    let workspace: Workspace
    let store: any FieldworkStore

    func problems() async throws -> [SourceProblem] {
        let codings = try await store.ledgerCodingsWithUnknownCodes().compactMap { record -> LedgerRecord.CodingEntry? in
            if case .coding(let entry) = record { entry } else { nil }
        }
        var problems: [SourceProblem] = []
        for (file, inFile) in Dictionary(grouping: codings, by: { CodingLedger.relativePath(for: $0.changedBy) }).sorted(by: { $0.key < $1.key }) {
            let text = (try? String(contentsOf: workspace.url(forRelativePath: file), encoding: .utf8)) ?? ""
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (code, entries) in Dictionary(grouping: inFile, by: \.code).sorted(by: { $0.key < $1.key }) {
                // The first in the file (1 if none is found: the file changed since it was read).
                let located = entries.map { entry in (entry, lines.firstIndex { $0.contains("\"id\":\"\(entry.id)\"") }.map { $0 + 1 } ?? 1) }
                let (first, line) = located.min { $0.1 < $1.1 }!
                let more = entries.count > 1 ? "; \(entries.count) codings of this file name it" : ""
                problems.append(SourceProblem(file: file, line: line, "coding \(first.id) names code '\(code)', which is not in the codebook "
                                              + "(kept\(more)): add the code, or name it under `formerly:` of the code it became"))
            }
        }
        return problems
    }
}
