import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ImportTranscriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "Turn Word, LibreOffice, WebVTT, SubRip or text transcripts into corpus Markdown files.",
        discussion: """
            Speakers come from WebVTT voice tags (<v Name>) or a leading 'Name:'; cue times start each turn as \
            [hh:mm:ss]. Speakers that are neither participants nor interviewer words must be mapped to a \
            pseudonym with --speaker "Real Name=R07"; the real name never reaches the corpus file. \
            Nothing is written unless every file can be; existing files and ids are never replaced.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: ArgumentHelp("Transcripts: .docx, .odt (through pandoc), .vtt, .srt, .txt.", valueName: "FILE"))
    var files: [String]

    @Option(help: "The document id (one file only; default: from the file name).")
    var id: String?

    @Option(help: "The document type.")
    var type: String = DocumentType.interview.rawValue

    @Option(help: "The title (default: the id; a file name may hold a real name).")
    var title: String?

    @Option(help: ArgumentHelp("When the conversation took place: consent is judged by it (without it, as of each participant's first consent).",
                               valueName: "YYYY-MM-DD"))
    var date: String?

    @Option(help: ArgumentHelp("The transcript's language (handouts quote material in their own language).", valueName: "sv|en|..."))
    var language: String?

    @Option(help: ArgumentHelp("Front-matter participants (default: the speakers that are participants).", valueName: "R01,..."))
    var participants: String?

    @Option(name: .customLong("speaker"), help: ArgumentHelp("Map a source speaker to a pseudonym (repeatable).", valueName: "NAME=LABEL"))
    var speakers: [String] = []

    @Option(help: ArgumentHelp("Folder for the Markdown files (default: corpus/).", valueName: "DIR"))
    var out: String?

    @Flag(help: "Show what was recognised; write nothing.")
    var dryRun = false

    func validate() throws {
        if id != nil, files.count > 1 { throw ValidationError("--id names one document; give one FILE with it") }
        if DocumentType(rawValue: type) == nil {
            throw ValidationError("unknown type '\(type)' (use one of: \(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let date, !ISODate.isValid(date) { throw ValidationError("--date '\(date)' is not a calendar date YYYY-MM-DD") }
        if let language, !CodebookLanguage.isLanguage(language) {
            throw ValidationError("--language '\(language)' is not a language code such as sv or en")
        }
        for speaker in speakers where TranscriptImportOptions.speakerMapping(speaker) == nil {
            throw ValidationError("--speaker takes NAME=LABEL with a label without ':' or '*', e.g. --speaker \"Anna Svensson=R07\"")
        }
    }

    func run() async throws {
        let context = try workspace.open()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var mapping: [String: String] = [:]
        for speaker in speakers {
            if let pair = TranscriptImportOptions.speakerMapping(speaker) { mapping[pair.name] = pair.label }
        }
        let options = TranscriptImportOptions(
            id: id, type: DocumentType(rawValue: type) ?? .interview, title: title,
            participants: participants.map { $0.split(separator: ",").map { String($0).trimmingSpaces } },
            speakers: mapping, outputDirectory: out.map { URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL },
            dryRun: dryRun, date: date, language: language)
        let inputs = files.map { (url: URL(fileURLWithPath: $0, relativeTo: current).standardizedFileURL, path: $0) }
        let items = try await context.transcripts.plan(inputs, options: options)
        for item in items { TranscriptImportOutput.print(item) }
        let failed = items.filter { !$0.problems.isEmpty }
        if !failed.isEmpty {
            print("Nothing written: \(failed.count) of \(EnglishCount.of(items.count, "file")) cannot be imported as they are.")
            throw ExitCode.failure
        }
        if dryRun {
            print("Dry run: nothing written.")
            return
        }
        try context.transcripts.write(items)
        // The corpus file written, not the source's name: a file name may carry a real name.
        for item in items {
            try await context.record(.import, ["kind": "transcript", "file": item.outputPath, "turns": String(item.turns)])
        }
        let paths = items.map(\.outputPath).joined(separator: " ")
        print("Wrote \(EnglishCount.of(items.count, "file")). Next: fieldwork ingest \(paths)")
    }
}

/// The recognition report of one transcript (never its text, nor the names of mapped speakers).
enum TranscriptImportOutput {
    /// `1 turn`, `3 turns` ("1 turns" before).

    static func print(_ item: TranscriptImportItem) {
        var summary = "\(item.source) → \(item.outputPath) (\(item.format)"
        if item.cues > 0 { summary += ", " + EnglishCount.of(item.cues, "cue") }
        summary += "): " + EnglishCount.of(item.turns, "turn") + ", " + EnglishCount.of(item.speakers.count, "speaker")
        if let first = item.firstTime, let last = item.lastTime {
            summary += ", " + EnglishCount.of(item.timedTurns, "timestamp") + " \(first.label)–\(last.label)"
        } else {
            summary += ", no timestamps"
        }
        Swift.print(summary)
        for speaker in item.speakers {
            if let label = speaker.label {
                Swift.print("  speaker \(label): " + EnglishCount.of(speaker.turns, "turn"))
            } else {
                Swift.print("  unknown speaker \"\(speaker.source)\": " + EnglishCount.of(speaker.turns, "turn") + " (map it: --speaker \"\(speaker.source)=PSEUDONYM\")")
            }
        }
        if item.speakers.isEmpty { Swift.print("  no speaker turns recognised (a turn starts with 'Name:')") }
        for problem in item.problems { Swift.print("  problem: \(problem)") }
    }
}
