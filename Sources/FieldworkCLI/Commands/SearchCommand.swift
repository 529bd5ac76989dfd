import ArgumentParser
import FieldworkCore
import FieldworkServices

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over segments, best matches first.",
        discussion: """
            Words must all occur; "quoted words" are a phrase; word* matches a prefix. Diacritics: \
            hemtjanst finds hemtjänst and far finds får, but a word typed with å, ä or ö must match them \
            (får does not find far).
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "What to search for.")
    var query: [String]

    @Option(help: "At most this many results.")
    var limit = 50

    @Option(help: "Skip this many results first (the next page: --offset 50 after --limit 50), as the API's offset.")
    var offset = 0

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be between 1 and 1000") }
        guard (0...SearchQuery.maximumOffset).contains(offset) else {
            throw ValidationError("--offset must be between 0 and \(SearchQuery.maximumOffset)")
        }
    }

    func run() async throws {
        let search = SearchQuery(query.joined(separator: " "), limit: limit, offset: offset)
        guard !search.isEmpty else { throw ValidationError("the query has no words to search for") }
        let result = try await workspace.open().search.search(search)
        let hits = result.hits.map(SearchHitView.init)
        if result.withheld.total > 0 { printError("consent: \(result.withheld.summary)") }
        // On stderr, so --json output stays the list of hits alone.
        if result.more { printError("more results: --offset \(offset + limit)") }
        if output.json {
            try JSONOutput.print(hits)
            return
        }
        TableOutput.print(["document", "segment", "speaker", "snippet"], hits.map {
            [$0.document, "\($0.segment)", $0.speaker ?? $0.heading ?? "", $0.snippet]
        })
    }
}
