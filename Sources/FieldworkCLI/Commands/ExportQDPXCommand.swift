import FieldworkCore
import ArgumentParser
import FieldworkExchange
import FieldworkServices
import Foundation

struct ExportQDPXCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qdpx",
        abstract: "A REFI-QDA project (.qdpx) for ATLAS.ti, MAXQDA, NVivo, QualCoder and other tools.",
        discussion: """
            Holds the coders, the codebook, every document's plain text with its codings (positions in \
            Unicode code points), memos as notes, and participants as cases with variables. Orphaned \
            codings are left out. Exporting an unchanged workspace again gives an identical file.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.qdpx"))
    var out: String = "exports/project.qdpx"

    enum Positions: String, ExpressibleByArgument, CaseIterable {
        case codepoints, utf16

        var reading: PositionReading { self == .utf16 ? .utf16 : .codePoints }
    }

    @Option(help: ArgumentHelp("How selection positions count: codepoints (REFI-QDA, QualCoder, MAXQDA, ATLAS.ti) or "
                               + "utf16 (NVivo).", valueName: "codepoints|utf16"))
    var positions: Positions = .codepoints

    func run() async throws {
        let context = try workspace.open()
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        let summary = try await QDPXExport(context: context).write(to: url, positions: positions.reading)
        try await context.recordExport("qdpx", to: url, counts: [
            "sources": summary.sources, "codings": summary.codings, "notes": summary.notes, "cases": summary.cases,
        ], applied: summary.consent, metadata: ["consent_summary": summary.consent.summary])
        let counts = [(summary.sources, "source"), (summary.codes, "code"), (summary.codings, "coding"), (summary.notes, "note"),
                      (summary.cases, "case"), (summary.users, "user")].map { EnglishCount.of($0.0, $0.1) }
        let orphans = summary.orphansSkipped == 0 ? [] : ["left out \(summary.orphansSkipped) orphaned coding\(summary.orphansSkipped == 1 ? "" : "s") "
                                                          + "(see `fieldwork code list --orphaned`)"]
        printExported("wrote \(url.path): \(counts.joined(separator: ", ")); positions in \(positions.reading.rawValue)",
                      consent: summary.consent.summary, notes: orphans)
    }
}
