import FieldworkCore
import Foundation

/// The words the study report prints around the material, per language, in plain language
/// (klarspråk). As `HandoutTexts`: a struct rather than a message catalogue, so that every
/// language must give every text, which the compiler checks. `{name}` placeholders are filled by
/// `fill`.
public struct ReportTexts: Sendable {
    public static let languages = ["sv", "en"]

    var title: String
    var subtitle: String
    /// `{first}`, `{last}`: the material's first and last dates.
    var period: String
    var contents: String
    var aboutHeading: String
    var aboutLines: [String]
    /// `{k}`.
    var publicationLine: String
    /// `{count}`: documents the team adjudicated.
    var consensusLine: String
    var methodHeading: String
    var methodIntro: String
    var documentsCaption: String
    var documentType: [DocumentType: String]
    var kindColumn: String
    var countColumn: String
    var participantsCaption: String
    var participantsNote: String
    var roleColumn: String
    var totalColumn: String
    var rolePlural: [ParticipantRole: String]
    var administration: [Administration: String]
    var needsHeading: String
    var needsIntro: String
    var needsFigure: String
    var residents: String
    var relatives: String
    var staff: String
    var groupNotes: String
    var administrationsLabel: String
    var administrationsHidden: String
    var quotesLabel: String
    var noQuotes: String
    /// `{count}`; `quoteWithheld` when it is one.
    var quotesWithheld: String
    /// The Markdown report's line where the HTML and PDF have the actor map.
    var actorsInOtherFormats: String
    var quoteWithheld: String
    var resident: String
    /// `{band}`.
    var residentAged: String
    var seenWith: String
    var solutionsLabel: String
    var status: [NeedSolutionLink.Status: String]
    var obstaclesHeading: String
    var obstaclesIntro: String
    var kind: [CodeKind: String]
    var codeColumn: String
    var peopleColumn: String
    var needsColumn: String
    var solutionsHeading: String
    var solutionsIntro: String
    var answersNeeds: String
    var fitLabel: String
    var costLabel: String
    var competenceLabel: String
    var nothing: String
    var noSolutions: String
    var actorsHeading: String
    /// The actor map's drawn words: clusters, legend, the key's title.
    var actorMapLabels: ActorMapLabels
    var actorsIntro: String
    /// `{k}`.
    var actorsPublication: String
    var actorsMissing: String
    var pilotsHeading: String
    /// `{zone}`.
    var pilotsIntro: String
    var solutionColumn: String
    var householdsColumn: String
    var daysColumn: String
    var readingsColumn: String
    var nightColumn: String
    var inactivityColumn: String
    /// `{hours}`.
    var inactivityValue: String
    var noPilots: String
    var proposalsHeading: String
    var proposalsIntro: String
    var proposalColumn: String
    var statusColumn: String
    var ownerColumn: String
    var answersColumn: String
    var proposalStatus: [ProposalStatus: String]
    var noProposals: String
    var proposalsRestricted: String
    var footer: String
    /// `{date}`.
    var consentDate: String
    /// `{count}`.
    var evidenceWithheld: String
    var quoteMarks: (open: String, close: String)

    /// The texts for `language`; nil for a language the report is not written in.
    public static func of(language: String) -> ReportTexts? {
        switch language {
        case "sv": .swedish
        case "en": .english
        default: nil
        }
    }

    /// The note under a need's quotes saying how many passages are not quoted.
    func withheldNote(_ count: Int) -> String {
        count == 1 ? quoteWithheld : Self.fill(quotesWithheld, ["count": String(count)])
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    func attribution(_ attribution: Handout.Attribution) -> String {
        attribution.ageBand.map { Self.fill(residentAged, ["band": $0]) } ?? resident
    }

    func quoted(_ text: String) -> String { quoteMarks.open + text + quoteMarks.close }

    /// A catalogue value in words: `none` is the mission's aim, "nothing".
    func value(_ text: String) -> String { Solution.value(text, nothing: nothing) }
}
