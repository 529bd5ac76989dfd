import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct AgreementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Inter-coder agreement: percent agreement, Cohen's, Fleiss' kappa, Krippendorff's alpha.",
        discussion: """
            Units are the segments (turns, paragraphs, list items) of the documents every compared coder has \
            coded; the other documents are listed as left out. A coder applied a code to a segment when one of \
            their anchored codings of it overlaps the segment by at least one scalar. Per code and pooled over \
            every (segment, code) decision; a statistic with nothing to measure is shown as n/a with its reason.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("The coders to compare, comma-separated (default: every coder but the consensus coder, less a coder set aside for having coded few of the documents the others share).", valueName: "A,B,C"))
    var coders: String?

    @Option(help: ArgumentHelp("Compare only this code.", valueName: "ID"))
    var code: String?

    @Flag(help: "A coding of a code below a compared code counts for it.")
    var includeChildren = false

    @Option(help: ArgumentHelp("Only this document (repeatable).", valueName: "DOC"))
    var document: [String] = []

    @Option(help: ArgumentHelp("Compute from a JSON file of decisions instead of the workspace (see the README).",
                               valueName: "FILE.json"))
    var decisions: String?

    func validate() throws {
        if decisions != nil, coders != nil || code != nil || includeChildren || !document.isEmpty {
            throw ValidationError("--decisions takes the coders, codes and units from its file; leave out the other filters")
        }
        // Agreement is between coders: one alone gave a table of "n/a" rows and exit status 0.
        if let coders, Set(Self.names(coders)).count < 2 {
            // "Maja Lind,Maja Lind" is two names of one coder: say so, not that two were missing.
            let given = Self.names(coders)
            throw ValidationError(given.count >= 2 ? "--coders names \(given[0]) twice; name at least two different coders"
                                                   : "--coders needs at least two names, comma-separated")
        }
    }

    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() async throws {
        let report: AgreementReport
        if let decisions {
            let url = workspace.inputFile(decisions)
            do { report = try AgreementDecisionsFile.read(url).report() } catch let problem as AgreementDecisionsFile.Problem {
                throw ValidationError(problem.description)
            }
        } else {
            let request = AgreementService.Request(coders: coders.map(Self.names), code: code, includeChildren: includeChildren,
                                                   documents: document)
            let context = try workspace.open()
            try await context.requireKnown(code: code)
            report = try await context.agreement.agreement(request)
        }
        let result = AgreementOutput(report)
        if output.json {
            try JSONOutput.print(result)
        } else {
            AgreementTable.print(result)
            if !result.consent.withheld.isEmpty { print(result.consent.summary) }
        }
    }
}
