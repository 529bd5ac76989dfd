import ArgumentParser

struct SolutionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solutions", abstract: "Check the IoT solution catalogue and the device register.",
        subcommands: [SolutionsCheckCommand.self])
}
