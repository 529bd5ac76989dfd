import ArgumentParser

struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Where every participant's consent stands today.",
        subcommands: [ConsentStatusCommand.self])
}
