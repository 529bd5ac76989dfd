import ArgumentParser

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring codebooks and codings from other tools (REFI-QDA), and transcripts from Word, subtitles and text.",
        subcommands: [ImportQDPXCommand.self, ImportCodebookCommand.self, ImportTranscriptCommand.self])
}

/// Options shared by the import commands.
struct ImportFlags: ParsableArguments {
    @Flag(help: "Show what would be imported; write nothing.")
    var dryRun = false

    @Flag(help: "Write nothing unless every item maps.")
    var strict = false
}
