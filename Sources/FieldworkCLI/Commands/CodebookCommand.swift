import ArgumentParser

struct CodebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook", abstract: "Check or show the shared codebook.",
        subcommands: [CodebookCheckCommand.self, CodebookShowCommand.self])
}
