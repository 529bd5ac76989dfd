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

    @Flag(help: "For the city: no pseudonyms, counts below the workspace's minimum (fieldwork.yaml, default 5) as \"< k\", quotes naming no smaller group.")
    var forPublication = false

    func run() async throws {
        if forPublication {
            try await publication()
            return
        }
        let context = try workspace.open()
        try await context.requireKnown(coder: coder)
        let register = try await context.needsRegister.register(coder: coder).map(NeedEvidenceView.init)
        try await printWithheld(context)
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

    private func publication() async throws {
        let context = try workspace.open()
        try await context.requireKnown(coder: coder)
        let participants = try await context.store.participants()
        let cells = try context.workspace.settings().smallCells
        let redactions = try context.workspace.redactions()
        let needs = try await context.needsRegister.register(coder: coder).map {
            PublicationNeedView($0, register: participants, smallCells: cells, redactions: redactions)
        }
        try await printWithheld(context)
        if output.json {
            try JSONOutput.print(needs)
            return
        }
        TableOutput.print(["need", "residents", "relatives", "staff", "participants", "administrations"], needs.map { need in
            [need.id, need.residents, need.relatives, need.staff, need.participants, need.administrations.joined(separator: " ")]
        })
        for need in needs where !need.quotes.isEmpty {
            print("")
            print("\(need.id):")
            for quote in need.quotes { print("  “\(quote.text)” — \(quote.attributedTo)") }
        }
        print("")
        print("counts below \(cells.k) are shown as \"< \(cells.k)\"")
    }

    /// On standard error, as search does: codings on words the consent rule withholds count no one.
    private func printWithheld(_ context: FieldworkContext) async throws {
        let withheld = try await context.needsRegister.evidenceWithheld(coder: coder)
        if withheld.total > 0 { printError("consent applied \(ConsentRule.today([]).today): \(withheld.total) coding\(withheld.total == 1 ? "" : "s") not counted, their words withheld (\(withheld.reasonList))") }
    }
}
