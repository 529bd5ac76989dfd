import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ExportActorMapCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg, json
    }

    static let configuration = CommandConfiguration(
        commandName: "actor-map",
        abstract: "The actor map: corpus/actors.yaml with relations derived from the coded material.",
        discussion: """
            Declared relations (dashed) plus evidence: actors whose codes share segments, administrations \
            supporting the residents who voiced each need, and linked solutions serving needs two or more \
            administrations share. dot is Graphviz DOT; svg runs Graphviz `dot`; json is for Kumu. Printed \
            when --out is left out.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "dot, svg or json.")
    var format: Format = .dot

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp("Only this need (and the needs below it).", valueName: "ID"))
    var need: String?

    @Option(help: ArgumentHelp("Leave out evidence edges with less evidence than this.", valueName: "N"))
    var minEvidence = 1

    func validate() throws {
        guard minEvidence >= 1 else { throw ValidationError("--min-evidence must be at least 1") }
    }

    func run() async throws {
        let context = try workspace.open()
        let service = ActorMapService(workspace: context.workspace, store: context.store)
        let redactions = try context.workspace.redactions()
        var (graph, consent) = try await service.graphWithConsent(options: .init(needID: need, minEvidence: minEvidence))
        let data: Data
        switch format {
        case .dot:
            // DOT carries the consent statement as a comment on its second line.
            var lines = DOTWriter.write(graph).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            lines.insert("  // \(consent.summary)", at: min(1, lines.count))
            data = Data(consent.redact(lines.joined(separator: "\n"), with: redactions).utf8)
        case .svg:
            do {
                data = try GraphvizRenderer.svg(dot: consent.redact(DOTWriter.write(graph), with: redactions))
            } catch let error as ExternalProgramError {
                printError("error: \(error)")
                throw ExitCode.failure
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = Data(consent.redact(String(decoding: try encoder.encode(ActorMapJSON(graph)), as: UTF8.self),
                                       with: redactions).utf8)
        }
        let url = out.map { URL(fileURLWithPath: $0, relativeTo: context.workspace.root).standardizedFileURL }
        try await context.recordExport("actor-map-\(format.rawValue)", to: url,
                                       counts: ["nodes": graph.nodes.count, "relations": graph.edges.count], applied: consent)
        guard let url else {
            FileHandle.standardOutput.write(data)
            return
        }
        try ExportFile.write(data, to: url)
        try consent.writeSidecar(for: url)
        print(consent.summary)
        print("wrote \(graph.nodes.count) nodes and \(graph.edges.count) relations as \(format.rawValue) to \(url.path)")
    }
}
