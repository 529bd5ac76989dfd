import ArgumentParser
import FieldworkServices

struct CodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code", abstract: "Add, list, re-attach and remove codings, and show their history.",
        subcommands: [CodeAddCommand.self, CodeListCommand.self, CodeReattachCommand.self, CodeRemoveCommand.self,
                      CodeHistoryCommand.self])
}

/// `--coder`, defaulting to $FIELDWORK_CODER or the login name.
struct CoderOptions: ParsableArguments {
    @Option(help: "Who is coding (default: $FIELDWORK_CODER or the login name).")
    var coder: String?

    var name: String { coder ?? Acting.environmentCoder }
}

