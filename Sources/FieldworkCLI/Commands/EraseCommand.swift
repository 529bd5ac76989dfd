import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

/// `fieldwork erase PARTICIPANT [--yes]`: the right to erasure (GDPR art. 17).
struct EraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Erase a participant: their words, codings on them, telemetry, devices and register entry (GDPR art. 17).")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The participant's pseudonym (e.g. R07).")
    var participant: String

    @Flag(help: "Do not ask for confirmation of the corpus files to remove or redact.")
    var yes = false

    /// Where an example is, never its words (the terminal's scrollback is another copy).
    static func describe(_ example: QuotedExample) -> String {
        "example \(example.position)\(example.language.map { " (\($0))" } ?? "") of \(example.codeID) in \(example.file)"
    }

    /// Where a note is and how it mentions them, never its words.
    static func describe(_ note: NoteToReview, participant: String) -> String {
        let removed = " (removed)"
        let place = switch note.place {
        case .codingMemo(let id, let code, let document, let isRemoved):
            "memo of coding \(id) (\(code) in \(document))\(isRemoved ? removed : "")"
        case .memo(let id, let target, let targetID, let isRemoved):
            "memo \(id) on \(target == .project ? "the project" : "\(target.rawValue) \(targetID)")\(isRemoved ? removed : "")"
        case .linkRationale(let need, let solution, let isRemoved):
            "rationale of the link \(need) → \(solution)\(isRemoved ? removed : "")"
        case .codebook(let code, let field, let language):
            "\(field)\(language.map { " (\($0))" } ?? "") of \(code)"
        case .line(let line):
            "line \(line)"
        }
        let mention = note.mention == .names ? "names \(participant)" : "quotes their words"
        return "\(place)\(note.by.map { ", by \($0)" } ?? ""), in \(note.file): \(mention)"
    }

    func run() async throws {
        let context = try workspace.open()
        let service = context.erasure
        let plan: ErasurePlan
        do {
            plan = try await service.plan(participant)
        } catch let error as ErasureError {
            printError("Error: \(error)")
            throw ExitCode.failure
        } catch let error as ServerLockError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
        print("Erasing \(participant) changes these corpus files:")
        for file in plan.removedFiles { print("  remove \(file.path) (nobody else's words in it)") }
        for file in plan.redactedFiles { print("  redact \(file.path) (\(file.passages.count) passage\(file.passages.count == 1 ? "" : "s"))") }
        if plan.removedFiles.isEmpty && plan.redactedFiles.isEmpty { print("  none") }
        if !plan.recordings.isEmpty {
            print("and these recordings of their voice:")
            for recording in plan.recordings {
                print(recording.deleted ? "  delete \(recording.path) (recording of \(recording.documentID), nobody else's words in it)"
                      : "  withhold \(recording.path) (recording of \(recording.documentID), shared with others: never played again until edited by hand)")
            }
        }
        if !plan.codebookExamples.isEmpty {
            print("and these codebook examples that quote their words:")
            for example in plan.codebookExamples { print("  remove \(Self.describe(example))") }
        }
        if !yes {
            print("Type \(participant) to erase, anything else to stop: ", terminator: "")
            let answer = readLine()
            if answer == nil { print("") }
            guard answer?.trimmingCharacters(in: .whitespaces) == participant else {
                print("Stopped: nothing was changed.")
                throw ExitCode.failure
            }
        }
        let report: ErasureService.Report
        do {
            report = try await service.run(plan)
        } catch let error as ServerLockError {
            // A server started while the confirmation was being typed.
            printError("Error: \(error)")
            throw ExitCode.failure
        }
        print("Erased \(participant):")
        for path in report.removedFiles { print("  removed \(path)") }
        for file in report.redactedFiles { print("  redacted \(file.path): \(file.passages) passage\(file.passages == 1 ? "" : "s") cut out") }
        print("  \(report.codings.count) coding\(report.codings.count == 1 ? "" : "s") on their words removed\(report.codings.isEmpty ? "" : ":")")
        for coding in report.codings { print("    \(coding.id) (\(coding.codeID), by \(coding.coder), in \(coding.documentID))") }
        if report.memos > 0 { print("  \(report.memos) memo\(report.memos == 1 ? "" : "s") of removed documents removed") }
        print("  telemetry: \(report.devices.count) device\(report.devices.count == 1 ? "" : "s") and their readings removed\(report.devices.isEmpty ? "" : " (" + report.devices.joined(separator: ", ") + ")")")
        print("  register entry removed from corpus/participants.yaml; devices from corpus/devices.yaml")
        if !report.codebookExamples.isEmpty {
            let count = report.codebookExamples.count
            print("  \(count) codebook example\(count == 1 ? "" : "s") quoting their words removed:")
            for example in report.codebookExamples { print("    \(Self.describe(example))") }
        }
        for path in report.codingsFilesRewritten { print("  rewrote \(path)") }
        for path in report.recordingsDeleted { print("  deleted recording \(path)") }
        print("  \(participant) is listed in corpus/erased.yaml: no ingest brings their words back")
        print("  the database was compacted (VACUUM) and its write-ahead log emptied")
        if !report.recordingsToEdit.isEmpty {
            print("Manual editing needed: these recordings hold their voice beside others' and cannot be cut automatically; "
                  + "they are withheld (recordings in corpus/erased.yaml) and never played again until their voice is cut out "
                  + "and the path taken off that list:")
            for path in report.recordingsToEdit { print("  \(path)") }
        }
        if report.orphansKept > 0 {
            print("Review: \(report.orphansKept) orphaned coding\(report.orphansKept == 1 ? "" : "s") kept in the redacted documents; "
                  + "a quote from an earlier version of the text may hold their words (`fieldwork code list --orphaned`).")
        }
        if !report.notesToReview.isEmpty {
            let count = report.notesToReview.count
            print("Review by hand: \(count) note\(count == 1 ? "" : "s") of the team still name\(count == 1 ? "s" : "") \(participant) "
                  + "or quote\(count == 1 ? "s" : "") their words. An erasure does not change notes (they are your analysis); "
                  + "edit or remove \(count == 1 ? "it" : "them"):")
            for note in report.notesToReview { print("  \(Self.describe(note, participant: participant))") }
        }
        if report.earlierExports.isEmpty {
            print("No exports were recorded before this erasure.")
        } else {
            print("Exports made before this erasure may hold their words; recall them:")
            for entry in report.earlierExports {
                print("  \(entry.at)  \(entry.by)  \(entry.details["kind"] ?? "?")  \(entry.details["file"] ?? "?")")
            }
        }
        print("Older copies outside this workspace (git history, backups, shared folders) are not touched.")
        // A redacted file that no longer ingests leaves its old text in the database: say so.
        guard report.problems.isEmpty else {
            for problem in report.problems { printError(problem) }
            printError("Error: the ingest after the erasure reported problems; fix them and run `fieldwork ingest`: "
                       + "until a redacted file is ingested, its old text stays in the database")
            throw ExitCode.failure
        }
    }
}
