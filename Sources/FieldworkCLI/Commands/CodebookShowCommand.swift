import ArgumentParser
import FieldworkCore
import FieldworkServices

struct CodebookShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the ingested codebook as a tree.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let codebook = try await workspace.open().shownCodebook.codebook()
        if output.json {
            try JSONOutput.print(codebook.roots.map { CodeDTO($0, in: codebook) })
            return
        }
        func show(_ code: Code, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            print("\(indent)\(code.id)  \(code.name)  [\(code.kind.rawValue)]")
            for child in codebook.children(of: code.id) { show(child, depth: depth + 1) }
        }
        codebook.roots.forEach { show($0, depth: 0) }
    }
}
