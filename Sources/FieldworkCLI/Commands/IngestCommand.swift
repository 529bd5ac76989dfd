import ArgumentParser
import FieldworkServices
import Foundation

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest the corpus, participants, codebooks and corpus/telemetry/ (unchanged files are skipped).",
        discussion: """
            A file with a problem changes nothing; the others are ingested. Exit status 1 if any file failed. \
            A corpus or telemetry file whose size and modification time are those recorded at its last ingest is not read; \
            an edit that keeps both (a tool that restores the modification time) is only seen with --rehash.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Files or folders to ingest (default: the whole workspace).", valueName: "PATH"))
    var paths: [String] = []

    @Flag(help: "Read and hash every corpus and telemetry file, even those whose size and modification time are unchanged.")
    var rehash = false

    @Option(name: .customLong("replace-stored"), help: ArgumentHelp(
        "On a team's shared database: let this corpus file (or folder) replace the stored text even though another workspace changed it since this one last ingested it (refused otherwise). Repeatable.",
        valueName: "PATH"))
    var replaceStored: [String] = []

    func run() async throws {
        // The log is copied back on the other core while the commits go on (measured: a first
        // ingest of 1,000 transcripts spent 8 % of its writer thread in the copies).
        let context = try workspace.open(backgroundCheckpoints: true)
        let bar = ProgressBar(label: "Ingesting")
        var progress: IngestService.Progress?
        if let bar { progress = { done, total in bar.update(done, total) } }
        let summary = try await context.withHousekeeping {
            try await context.ingest.ingest(paths: paths, rehash: rehash, replaceStored: replaceStored, progress: progress)
        }
        bar?.finish()
        if output.json {
            try JSONOutput.print(IngestSummaryDTO(summary))
        } else {
            IngestSummaryDTO(summary).printText()
        }
        if !summary.succeeded { throw ExitCode.failure }
    }
}
