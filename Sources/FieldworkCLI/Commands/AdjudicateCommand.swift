import ArgumentParser
import FieldworkCore
import FieldworkServices

/// `fieldwork adjudicate accept|dismiss`: the decisions of the `/disagreements` page from the
/// command line (the same `AdjudicationService`), so a consensus can be scripted and reviewed.
struct AdjudicateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjudicate", abstract: "Accept a disputed code into the consensus coder, or dismiss it.",
        subcommands: [Accept.self, Dismiss.self])

    /// A passage (one segment's exact span, as `segments DOC` lists it), a code and the decider.
    struct Decision: ParsableArguments {
        @Argument(help: ArgumentHelp("Document id.", valueName: "DOC")) var document: String
        @Option(help: "The passage's start (a segment's start).") var start: Int
        @Option(help: "The passage's end (that segment's end).") var end: Int
        @Option(help: ArgumentHelp("The disputed code.", valueName: "ID")) var code: String
        @Option(help: ArgumentHelp("Who decides (default: $FIELDWORK_CODER or the login name).", valueName: "NAME")) var by: String?

        var decider: String { by ?? Acting.environmentCoder }
    }

    struct Accept: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Code the passage for the consensus coder (memo 'accepted by NAME', written to NAME's codings file); prints the coding id.")
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var decision: Decision

        func run() async throws {
            do {
                let coding = try await workspace.open().adjudication.accept(
                    document: decision.document, start: decision.start, end: decision.end, code: decision.code, by: decision.decider)
                print(coding.id)
            } catch StoreError.duplicateCoding(let existing) {
                // The store's words ("by this coder") would name the decider, not the consensus.
                throw StoreError.conflict("code \(decision.code) is already in the consensus for this passage (coding \(existing))")
            }
        }
    }

    struct Dismiss: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the code is not taken into the consensus for the passage (a document memo by NAME); prints the memo id.")
        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var decision: Decision

        func run() async throws {
            let memo = try await workspace.open().adjudication.dismiss(
                document: decision.document, start: decision.start, end: decision.end, code: decision.code, by: decision.decider)
            print(memo.id)
        }
    }
}
