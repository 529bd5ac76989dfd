import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

extension ActorGraphBuilder.Options.View: ExpressibleByArgument {}

struct ExportActorMapCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg, json, pdf, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "actor-map",
        abstract: "The actor map: corpus/actors.yaml with relations derived from the coded material.",
        discussion: """
            Declared relations (dashed) plus evidence: actors whose codes share segments, administrations \
            supporting the residents who voiced each need, and linked solutions serving needs two or more \
            administrations share. dot is Graphviz DOT; svg runs Graphviz `dot`; json is for Kumu. Printed \
            when --out is left out; a PDF (binary) goes to exports/actors.pdf then, as other PDFs do.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "dot, svg, pdf (A3), json (Kumu) or csv (administrations × needs).")
    var format: Format = .dot

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp("Only this need (and the needs below it) and the actors connected to it.", valueName: "ID"))
    var need: String?

    @Option(help: ArgumentHelp("Only this administration (an actor id in corpus/actors.yaml), its relations and needs.", valueName: "ID"))
    var administration: String?

    @Option(help: "map (every kind of node, clustered) or bipartite (administrations × needs in two columns).")
    var view: ActorGraphBuilder.Options.View = .map

    @Flag(help: "Draw barriers and preconditions as nodes, linked to the needs and actors coded beside them.")
    var barriers = false

    @Option(help: ArgumentHelp("Leave out evidence edges with less evidence than this.", valueName: "N"))
    var minEvidence = 1

    func validate() throws {
        guard minEvidence >= 1 else { throw ValidationError("--min-evidence must be at least 1") }
        if need != nil, administration != nil { throw ValidationError("--need and --administration cannot be combined: choose one focus") }
    }

    func run() async throws {
        let context = try workspace.open()
        let service = context.actorMap
        let redactions = try context.workspace.redactions()
        let options = ActorGraphBuilder.Options(needID: need, actorID: administration, minEvidence: minEvidence,
                                                barriersAndPreconditions: barriers, view: view)
        let result = try await service.graphWithConsent(options: options)
        let graph = result.graph
        var consent = result.consent
        let dot = DOTWriter.write(graph, options: .init(bipartite: view == .bipartite))
        let data: Data
        switch format {
        case .dot:
            // DOT carries the consent statement as a comment on its second line.
            var lines = dot.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            lines.insert("  // \(consent.summary)", at: min(1, lines.count))
            data = Data(consent.redact(lines.joined(separator: "\n"), with: redactions).utf8)
        case .svg, .pdf:
            do {
                let redacted = consent.redact(dot, with: redactions)
                data = format == .svg ? try await GraphvizRenderer.svg(dot: redacted) : try await ActorMapPrinter.a3PDF(dot: redacted)
            } catch let error as ExternalProgramError {
                printError("Error: \(error)")
                throw ExitCode.failure
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = Data(consent.redact(String(decoding: try encoder.encode(ActorMapJSON(graph)), as: UTF8.self),
                                       with: redactions).utf8)
        case .csv:
            let rows = AdministrationNeedTable(graph).rows
            var csv = CSVWriter(header: rows[0])
            for row in rows.dropFirst() { csv.append(row) }
            data = Data(consent.redact(csv.text, with: redactions).utf8)
        }
        // A PDF is not printed to the terminal: without --out it goes where the README's other PDFs go.
        let url = (out ?? (format == .pdf ? "exports/actors.pdf" : nil)).map {
            URL(fileURLWithPath: $0, relativeTo: context.workspace.root).standardizedFileURL
        }
        try await context.recordExport("actor-map-\(format.rawValue)", to: url,
                                       counts: ["nodes": graph.nodes.count, "relations": graph.edges.count], applied: consent)
        guard let url else {
            FileHandle.standardOutput.write(data)
            return
        }
        try ExportFile.write(data, to: url)
        try consent.writeSidecar(for: url)
        printExported("wrote \(graph.nodes.count) nodes and \(graph.edges.count) relations as \(format.rawValue) to \(url.path)",
                      consent: consent.summary)
    }
}
