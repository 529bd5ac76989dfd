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
            (får does not find far). A leading - excludes nothing: -hemtjänst searches for hemtjänst \
            (also after --: fieldwork search -- -hemtjänst).
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
        // Someone used to web search may mean "without": say what was searched instead.
        for word in query where word.hasPrefix("-") {
            printError("note: a leading '-' excludes nothing; '\(word)' searches for \(word.drop(while: { $0 == "-" }))")
        }
        let result = try await workspace.open().search.search(search)
        let hits = result.hits.map(SearchHitView.init)
        if result.withheld.total > 0 { printError("consent: \(result.withheld.summary)") }
        // On stderr, so --json output stays the list of hits alone.
        if result.more { printError("more results: --offset \(offset + limit)") }
        if output.json {
            try JSONOutput.print(hits)
            return
        }
        // A header alone read as a broken command: say it on standard error, as the other notes.
        guard !hits.isEmpty else {
            printError(offset > 0 ? "no more passages match (from --offset \(offset))" : "no passage matches '\(query.joined(separator: " "))'")
            return
        }
        TableOutput.print(["document", "segment", "speaker", "snippet"], hits.map {
            [$0.document, "\($0.segment)", $0.speaker ?? $0.heading ?? "", $0.snippet]
        })
    }
}

extension SearchCommand {
    /// `search -hemtjänst` printed the help: ArgumentParser reads a dash-led word as short
    /// options, `-h` among them. `search` has no single-dash option but `-h`, so such a word
    /// (not `-h`, not a number) is a query word: it is moved behind `--`, where ArgumentParser
    /// takes it as one. `arguments` are the whole command line after the executable; only a
    /// `search` subcommand is changed, and an option's value (`--offset -1`) stays its value.
    static func dashLedWordsAsQuery(_ arguments: [String]) -> [String] {
        let rootOptions: Set<String> = ["--workspace", "--store"]
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-") {
            index += rootOptions.contains(arguments[index]) ? 2 : 1
        }
        guard index < arguments.count, arguments[index] == "search" else { return arguments }
        let takesValue = rootOptions.union(["--limit", "--offset"])
        var kept = Array(arguments[...index])
        var words: [String] = []
        var rest = arguments[(index + 1)...]
        while let argument = rest.first, argument != "--" {
            rest = rest.dropFirst()
            if takesValue.contains(argument), let value = rest.first {
                kept += [argument, value]
                rest = rest.dropFirst()
            } else if argument.hasPrefix("-"), !argument.hasPrefix("--"), argument != "-h",
                      argument.dropFirst().first.map({ !$0.isNumber }) ?? false {
                words.append(argument)
            } else {
                kept.append(argument)
            }
        }
        guard !words.isEmpty else { return arguments }
        return kept + ["--"] + rest.dropFirst() + words
    }
}
