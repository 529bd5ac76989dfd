import FieldworkCore
import Foundation

/// The words a handout and a workshop pack print around the material, per language and in two
/// registers: plain language (klarspråk) and easy-read (short sentences, one idea per line, no
/// research words). A struct rather than a message catalogue: every language must give every
/// text, which the compiler checks. `{name}` placeholders are filled by `fill`.
public struct HandoutTexts: Sendable {
    public static let languages = ["sv", "en"]

    var languageName: String
    /// Quotation marks as the language writes them (Swedish ”…”, English “…”).
    var quoteMarks: (open: String, close: String)
    var documentTitle: String
    var kindLabel: [Handout.Template: String]
    var quotesHeading: String
    var noQuotes: String
    var solutionsHeading: String
    var noSolutions: String
    /// `{value}`: the catalogue's `cost_to_resident`.
    var cost: String
    /// `{value}`: the catalogue's `competence`.
    var competence: String
    /// The catalogue's `none` (the mission's aim) in words.
    var nothing: String
    var status: [NeedSolutionLink.Status: String]
    var questionsHeading: String
    /// The accessible name of the room to write under a question.
    var writeHere: String
    /// Default questions by template; `{title}`, and `{solution}` in `needWithSolution`.
    var defaultQuestions: [Handout.Template: [String]]
    var needWithSolution: String
    var resident: String
    /// `{band}`: an age band.
    var residentAged: String
    var otherPerson: String
    var footer: String
    /// `{count}`; `withheldOne` when it is one.
    var withheld: String
    var withheldOne: String
    // The workshop pack.
    var packLabel: String
    var date: String
    var place: String
    var agendaHeading: String
    var stationsHeading: String
    var welcome: String
    /// `{number}`, `{name}`.
    var stationItem: String
    var summary: String
    var consentHeading: String
    var consentLines: [String]
    /// `{contact}`.
    var contact: String
    var easyReadLabel: String

    /// The texts for `language` (`sv`, `en`); nil for a language handouts are not written in.
    public static func of(language: String, easyRead: Bool) -> HandoutTexts? {
        switch (language, easyRead) {
        case ("sv", false): .swedish
        case ("sv", true): .swedishEasyRead
        case ("en", false): .english
        case ("en", true): .englishEasyRead
        default: nil
        }
    }

    /// The footer's note on quotes not shown; nil when none were withheld.
    public func withheldNote(_ count: Int) -> String? {
        count == 0 ? nil : count == 1 ? withheldOne : Self.fill(withheld, ["count": String(count)])
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// The questions a handout asks: the code's own, else the template's defaults.
    func questions(for handout: Handout) -> [String] {
        if !handout.questions.isEmpty { return handout.questions }
        var questions = defaultQuestions[handout.template] ?? []
        if handout.template == .need, let first = handout.solutions.first, !questions.isEmpty {
            questions[questions.count - 1] = Self.fill(needWithSolution, ["solution": first.name])
        }
        return Array(questions.prefix(handout.limits.questions)).map { Self.fill($0, ["title": handout.title]) }
    }

    func attribution(_ attribution: Handout.Attribution) -> String {
        guard attribution.role == .resident else { return otherPerson }
        return attribution.ageBand.map { Self.fill(residentAged, ["band": $0]) } ?? resident
    }

    func quoted(_ text: String) -> String { quoteMarks.open + text + quoteMarks.close }

    /// A catalogue value in words: `none` is the mission's "nothing".
    func value(_ text: String) -> String { Solution.value(text, nothing: nothing) }
}
