import FieldworkCore

/// Codebook examples that quote an erased participant: their words, copied into the codebook
/// (and from there into codebook exports, the codebook page and QDPX code descriptions), so an
/// erasure removes them too (`ExampleQuote` says what counts as quoting a passage).
public struct QuotedExample: Sendable, Hashable {
    public var codeID: String
    /// The codebook file the code is in.
    public var file: String
    /// The language of the list that holds it; nil where the code gives one list.
    public var language: String?
    /// Its place in that list, from 1, for the confirmation and the report: they never
    /// print the words.
    public var position: Int
    /// The example as written; what the codebook edit removes.
    var text: String

    /// The examples of `codes` (as the codebook files hold them) that quote one of `passages`.
    static func find(in codes: [Code], passages: [String]) -> [QuotedExample] {
        guard !passages.isEmpty else { return [] }
        let passages = passages.map(ExampleQuote.words)
        var found: [QuotedExample] = []
        for code in codes {
            let translated = code.translations.filter { $0.value.examples != nil }
            // Per-language lists hold the own list too: read each language once.
            let lists: [(String?, [String])] = translated.isEmpty ? [(nil, code.examples)]
                : translated.keys.sorted().map { ($0, translated[$0]!.examples!) }
            for (language, examples) in lists {
                for (index, example) in examples.enumerated() {
                    let pieces = ExampleQuote.pieces(of: example)
                    guard passages.contains(where: { ExampleQuote.quotes(pieces: pieces, words: $0) }) else { continue }
                    found.append(QuotedExample(codeID: code.id, file: code.source?.file ?? "codebooks", language: language,
                                               position: index + 1, text: example))
                }
            }
        }
        return found
    }
}

extension CodebookEditor {
    /// Removes the examples through the same patch of the YAML and ingest as any codebook edit
    /// (comments and other content kept; refused and put back if the new codebook does not
    /// ingest). The same words are removed from every language's list of the code.
    func removeExamples(_ examples: [QuotedExample]) async throws {
        guard !examples.isEmpty else { return }
        let before = try currentCodes()
        var codes = before
        var files: Set<String> = []
        for index in codes.indices {
            let texts = Set(examples.filter { $0.codeID == codes[index].id }.map(\.text))
            guard !texts.isEmpty, codes[index].removeExamples(texts) > 0 else { continue }
            files.insert(codes[index].source?.file ?? "codebooks/codebook.yaml")
        }
        guard !files.isEmpty else { return }
        try await save(codes, replacing: before, touching: files)
    }
}
