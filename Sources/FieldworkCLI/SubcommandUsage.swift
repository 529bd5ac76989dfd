import ArgumentParser
import Foundation

/// A `ValidationError` a subcommand throws while it runs (not a workspace, a bad value found
/// late) is said with that subcommand's usage line. `FieldworkCommand.exit(withError:)` showed
/// the root's, `Usage: fieldwork <subcommand>`: ArgumentParser knows the failing command only
/// for errors of parsing and `validate()`, which keep going through it.
enum SubcommandUsage {
    /// ArgumentParser's own layout (`Error:`, `Usage:`, `See '… --help'`), for `command`.
    static func message(_ error: ValidationError, of command: ParsableCommand.Type) -> String {
        let stack = path(to: command, from: FieldworkCommand.self) ?? [FieldworkCommand.self, command]
        let usage = FieldworkCommand.usageString(for: command).replacingOccurrences(of: "\n", with: "\n       ")
        return """
            Error: \(error.message)
            Usage: \(usage)
              See '\(stack.map { $0._commandName }.joined(separator: " ")) --help' for more information.
            """
    }

    /// The commands from `root` down to `command`, or nil if it is not below `root`.
    static func path(to command: ParsableCommand.Type, from root: ParsableCommand.Type) -> [ParsableCommand.Type]? {
        if ObjectIdentifier(root) == ObjectIdentifier(command) { return [root] }
        for subcommand in root.configuration.subcommands {
            if let below = path(to: command, from: subcommand) { return [root] + below }
        }
        return nil
    }
}
