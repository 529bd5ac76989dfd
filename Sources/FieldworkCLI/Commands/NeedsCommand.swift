import ArgumentParser
import FieldworkCore
import FieldworkServices

struct NeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "The needs register: every need code with its evidence and linked solutions.",
        discussion: """
            Evidence counts codings of the need and the need codes below it. A coding counts for the \
            segment's speaker; in notes for the people it names or the members of its group; residents, \
            relatives and staff apart; administrations are those supporting the residents.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Evidence from this coder's codings only (default: everyone's).", valueName: "NAME"))
    var coder: String?

    func run() async throws {
        let register = try await workspace.open().needsRegister.register(coder: coder).map(NeedEvidenceView.init)
        if output.json {
            try JSONOutput.print(register)
            return
        }
        TableOutput.print(["need", "codings", "residents", "relatives", "staff", "group notes", "administrations", "barriers", "solutions"], register.map { need in
            [need.id, "\(need.codings)", need.people.residents.joined(separator: " "), need.people.relatives.joined(separator: " "),
             need.people.staff.joined(separator: " "), "\(need.groupNotes)", need.administrations.joined(separator: " "),
             need.barriers.map(\.code).joined(separator: " "), need.links.map { "\($0.solution) (\($0.status))" }.joined(separator: ", ")]
        })
    }
}
