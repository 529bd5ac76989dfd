import FieldworkCore
import Foundation

/// Renders a handout (or a whole pack) as Markdown, for editing before printing or pasting into
/// other tools: the same texts as the HTML, in the handout's language.
public enum HandoutMarkdownRenderer {
    public static func render(_ handout: Handout, date: String) -> String {
        let t = HandoutHTMLRenderer.texts(handout.language, easyRead: handout.easyRead)
        var lines: [String] = []
        let place = [handout.workshop, handout.station].compactMap { $0 }
        if !place.isEmpty { lines += ["*\(place.joined(separator: " · "))*", ""] }
        lines += ["# \(handout.title)", ""]
        let description = HandoutHTMLRenderer.lines(handout.description, easyRead: handout.easyRead)
        if !description.isEmpty { lines += description.flatMap { [$0, ""] } }
        lines += ["## \(t.quotesHeading)", ""]
        if handout.quotes.isEmpty { lines += [t.noQuotes, ""] }
        for quote in handout.quotes {
            lines += ["> \(t.quoted(quote.text))", ">", "> – \(t.attribution(quote.attribution))", ""]
        }
        if handout.template == .need {
            lines += ["## \(t.solutionsHeading)", ""]
            if handout.solutions.isEmpty { lines += [t.noSolutions, ""] }
            for solution in handout.solutions {
                let cost = HandoutTexts.fill(t.cost, ["value": t.value(solution.costToResident)])
                let competence = HandoutTexts.fill(t.competence, ["value": t.value(solution.competence)])
                lines += ["- **\(solution.name)** (\(t.status[solution.status] ?? solution.status.rawValue)): \(solution.description) \(cost). \(competence)."]
            }
            lines += [""]
        }
        lines += ["## \(t.questionsHeading)", ""]
        for (number, question) in t.questions(for: handout).enumerated() {
            lines += ["\(number + 1). \(question)", "", String(repeating: "\n", count: 3)]
        }
        lines += ["---", "", HandoutHTMLRenderer.footer(handout, date: date)]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The pack: cover, stations and the consent sheet, separated by rules (page breaks).
    public static func pack(plan: WorkshopPlan, handouts: [Handout], language: String, easyRead: Bool, date: String) -> String {
        let t = HandoutHTMLRenderer.texts(language, easyRead: easyRead)
        var cover = ["# \(plan.title)", "", HandoutTexts.fill(t.date, ["date": plan.date ?? date]), ""]
        if let place = plan.place { cover += [HandoutTexts.fill(t.place, ["place": place]), ""] }
        cover += ["## \(t.agendaHeading)", ""]
        cover += WorkshopPackRenderer.agenda(plan: plan, handouts: handouts, texts: t).enumerated().map { "\($0.offset + 1). \($0.element)" }
        var consent = ["# \(t.consentHeading)", ""] + t.consentLines.map { "- \($0)" }
        if let contact = plan.contact { consent += ["", HandoutTexts.fill(t.contact, ["contact": contact])] }
        let parts = [cover.joined(separator: "\n") + "\n"] + handouts.map { render($0, date: date) } + [consent.joined(separator: "\n") + "\n"]
        return parts.joined(separator: "\n\n---\n\n")
    }
}
