import ArgumentParser

struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Move a study between the workspace's SQLite file and a PostgreSQL team server.",
        subcommands: [StoreCopyCommand.self])
}
