import ArgumentParser
import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation

struct RedactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Check for, or remove, the identifiers of corpus/redactions.yaml.",
        discussion: """
            --check lists every listed identifier still present in corpus/, codings/ or exports/ (also inside \
            .qdpx projects) as FILE:LINE, naming the entry by its line in redactions.yaml, never the identifier; \
            exit status 1 when any is found. --apply rewrites the corpus Markdown files with the replacements, \
            carries every coding to the same words, and ingests.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "List identifiers still present, with file:line.")
    var check = false

    @Flag(help: "Rewrite the corpus files with the replacements (codings stay on their words).")
    var apply = false

    func validate() throws {
        guard check != apply else { throw ValidationError("give exactly one of --check or --apply") }
    }

    func run() async throws {
        let context = try workspace.open()
        let service = context.redaction
        if check {
            let findings = try service.check(archives: ["qdpx": { try QDPXTextEntries.read($0) }])
            findings.forEach { print($0) }
            print(findings.isEmpty ? "redact: no listed identifier found" : "redact: \(findings.count) occurrence\(findings.count == 1 ? "" : "s") found")
            if !findings.isEmpty { throw ExitCode.failure }
            return
        }
        let report = try await service.apply()
        for file in report.files { print("rewrote \(file)") }
        print("redact: \(report.occurrences) occurrence\(report.occurrences == 1 ? "" : "s") replaced in \(report.files.count) file\(report.files.count == 1 ? "" : "s"); "
            + "\(report.codingsMoved) coding\(report.codingsMoved == 1 ? "" : "s") carried to the redacted text; "
            + "ingest: \(report.ingest.updated) updated, \(report.ingest.orphaned) orphaned")
        // Who redacted how much, never what: the identifiers stay out of the log.
        try await context.record(.redaction, ["files": String(report.files.count), "occurrences": String(report.occurrences),
                                              "codings_moved": String(report.codingsMoved)])
        for problem in report.ingest.problems { printError(problem.description) }
        if !report.ingest.problems.isEmpty { throw ExitCode.failure }
    }
}
