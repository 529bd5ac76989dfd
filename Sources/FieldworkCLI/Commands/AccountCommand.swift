import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

/// `fieldwork account create|list|disable|enable|password|role`: a team server's accounts. A
/// workspace with accounts is served in team mode (login, roles); see README "Team mode".
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Team accounts: create, list, disable, enable, set a password or role.",
        subcommands: [AccountCreateCommand.self, AccountListCommand.self, AccountDisableCommand.self, AccountEnableCommand.self,
                      AccountPasswordCommand.self, AccountRoleCommand.self])

    /// Runs `body` and turns the service's refusals into one-line errors (exit 1).
    static func refusing(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as AccountError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
    }
}

extension Role: ExpressibleByArgument {}

struct AccountCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an account; its password is read from the terminal (asked twice) or from one line of standard input.",
        discussion: "The password is never taken as an argument: arguments are visible to other users in the process list.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The account name, which is also the coder name on everything the person does.") var name: String
    @Option(help: ArgumentHelp("researcher, facilitator, analyst or admin.", valueName: "ROLE")) var role: Role

    func run() async throws {
        let context = try workspace.open()
        let password = try PasswordPrompt.read(for: name)
        try await AccountCommand.refusing {
            let first = try await !context.accounts.teamMode()
            try await context.accounts.create(name: name, role: role, password: password)
            print("created account \(name) (\(role.rawValue))")
            if first { print("this workspace is now served in team mode: restart `fieldwork serve` if it is running") }
        }
    }
}

struct AccountListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts: name, role, status, when created.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let accounts = try await workspace.open().accounts.list()
        let rows = accounts.map { AccountDTO(name: $0.name, role: $0.role.rawValue, disabled: $0.disabled,
                                             createdAt: UTCTime.isoTimestamp(date: $0.createdAt)) }
        if output.json { return try JSONOutput.print(rows) }
        if rows.isEmpty { return print("no accounts: the server runs in local (token) mode") }
        TableOutput.print(["NAME", "ROLE", "STATUS", "CREATED"],
                          rows.map { [$0.name, $0.role, $0.disabled ? "disabled" : "active", $0.createdAt] })
    }
}

struct AccountDTO: Encodable {
    var name: String
    var role: String
    var disabled: Bool
    var createdAt: String
    enum CodingKeys: String, CodingKey { case name, role, disabled, createdAt = "created_at" }
}

struct AccountDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable",
                                                    abstract: "Disable an account: it cannot log in, and its open sessions end at their next request.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var name: String

    func run() async throws {
        let context = try workspace.open()
        try await AccountCommand.refusing {
            try await context.accounts.setDisabled(name: name, true)
            print("disabled account \(name)")
        }
    }
}

struct AccountEnableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable a disabled account again.")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var name: String

    func run() async throws {
        let context = try workspace.open()
        try await AccountCommand.refusing {
            try await context.accounts.setDisabled(name: name, false)
            print("enabled account \(name)")
        }
    }
}

struct AccountPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "password",
                                                    abstract: "Set an account's password (read from the terminal or one line of standard input).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var name: String

    func run() async throws {
        let context = try workspace.open()
        let password = try PasswordPrompt.read(for: name)
        try await AccountCommand.refusing {
            try await context.accounts.setPassword(name: name, password: password)
            print("set the password of \(name)")
        }
    }
}

struct AccountRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role", abstract: "Give an account another role (applies at its next request).")
    @OptionGroup var workspace: WorkspaceOptions
    @Argument var name: String
    @Argument(help: "researcher, facilitator, analyst or admin.") var role: Role

    func run() async throws {
        let context = try workspace.open()
        try await AccountCommand.refusing {
            try await context.accounts.setRole(name: name, role)
            print("\(name) is now \(role.rawValue)")
        }
    }
}
