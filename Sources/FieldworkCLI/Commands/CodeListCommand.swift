import ArgumentParser
import FieldworkCore
import FieldworkServices

struct CodeListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List codings.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this code and the codes below it.", valueName: "ID")) var code: String?
    @Option(help: ArgumentHelp("Only this document.", valueName: "DOC")) var document: String?
    @Option(help: ArgumentHelp("Only this coder's codings.", valueName: "NAME")) var coder: String?
    @Flag(help: "Only orphaned codings.") var orphaned = false

    func run() async throws {
        let context = try workspace.open()
        try await context.requireKnown(code: code, coder: coder, documents: document.map { [$0] } ?? [])
        var filter = CodingFilter(documentID: document, coder: coder, status: orphaned ? .orphaned : nil)
        if let code {
            filter.codeIDs = try await context.store.codebook().subtree(of: code)
        }
        let codings = try await context.codings.shown(filter).map(CodingDTO.init)
        if output.json {
            try JSONOutput.print(codings)
            return
        }
        guard !codings.isEmpty else {
            // A table of headers alone reads like a failure; say what was looked for.
            print(orphaned ? "no orphaned codings: every coding is anchored in its text" : "no codings match")
            return
        }
        TableOutput.print(["id", "document", "start", "end", "code", "coder", "status", "quote"], codings.map {
            [$0.id, $0.document, "\($0.start)", "\($0.end)", $0.code, $0.coder, $0.status, $0.withheld.map { "(withheld: \($0))" } ?? $0.quote]
        })
    }
}
