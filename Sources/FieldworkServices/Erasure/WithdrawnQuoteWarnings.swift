import FieldworkCore
import Foundation

/// Codebook examples that quote a participant who has withdrawn consent. Examples are the
/// researchers' own text, copied from a transcript into the codebook and from there into the
/// codebook page, its exports and QDPX code descriptions, which show it as withheld
/// (`ShownCodebook`) while the files keep it. Ingest names each one when the register or the
/// codebook changed, so that it can be removed or replaced (`fieldwork erase` removes them
/// itself). The warning gives the code, the example's place in its list (and the same place in
/// the other languages' lists, whose translations are withheld with it) and whose words they
/// are, never the words (`QuotedExample` says what counts as quoting). The passages are those
/// the consent rule withholds for a withdrawal today: a participant who withdrew only their
/// workshop consent is warned of where a workshop is quoted, not an interview.
struct WithdrawnQuoteWarnings {
    let store: any FieldworkStore
    /// Where the codebook files are read to give each example's own line (else the code's).
    var workspace: Workspace?

    func problems() async throws -> [SourceProblem] {
        let codebook = try await store.codebook()
        guard codebook.codes.contains(where: \.hasExamples) else { return [] }
        let withdrawn = try await ShownCodebook(store: store).withheldPassages(for: [.withdrawn])[.withdrawn] ?? []
        guard !withdrawn.isEmpty else { return [] }
        let passages = withdrawn.map { (words: ExampleQuote.words($0.text), people: $0.people) }
        var files: [String: [Substring]] = [:]
        return QuotedExample.find(in: codebook.codes, passages: withdrawn.map(\.text)).map { example in
            let pieces = ExampleQuote.pieces(of: example.text)
            var people: [String] = []
            for passage in passages where ExampleQuote.quotes(pieces: pieces, words: passage.words) {
                people += passage.people.filter { !people.contains($0) }
            }
            let code = codebook[example.codeID]
            let lists = code?.translations.filter { $0.value.examples != nil } ?? [:]
            let parallel = lists.count > 1 && Set(lists.values.compactMap { $0.examples?.count }).count == 1
            let translations = parallel ? lists.keys.filter { $0 != example.language }.sorted() : []
            if files[example.file] == nil, let workspace {
                files[example.file] = ((try? SourceText.read(workspace.root.appending(path: example.file), path: example.file))?.text ?? "")
                    .split(separator: "\n", omittingEmptySubsequences: false)
            }
            return SourceProblem(
                file: example.file, line: Self.line(of: example.text, after: code?.source?.line ?? 0, in: files[example.file] ?? []),
                "example \(example.position)\(example.language.map { " (\($0))" } ?? "") of \(example.codeID) quotes "
                    + "\(people.joined(separator: ", ")), who \(people.count == 1 ? "has" : "have") withdrawn consent: remove or replace it"
                    + (translations.isEmpty ? "" : ", and its translation\(translations.count == 1 ? "" : "s") in the same place (\(translations.joined(separator: ", ")))")
                    + " (pages and exports show \(translations.isEmpty ? "it" : "them") as withheld until then)")
        }
    }

    /// The line of the code's list that holds the example (its first words, as YAML keeps them
    /// on the line where the item starts), from the code's own line on; the code's line when
    /// the file cannot be read or the words are not found (a folded or escaped scalar).
    static func line(of example: String, after codeLine: Int, in lines: [Substring]) -> Int {
        let start = String(example.trimmingSpaces.prefix(24))
        guard codeLine > 0, !start.isEmpty, codeLine <= lines.count else { return codeLine }
        for index in (codeLine - 1)..<lines.count where lines[index].contains(start) { return index + 1 }
        return codeLine
    }
}
