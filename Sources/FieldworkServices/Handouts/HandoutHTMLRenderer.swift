import FieldworkCore
import Foundation

/// Renders handouts as standalone, print-ready HTML: each station one A4 sheet, in the
/// handout's language and register (`HandoutTexts`). Every value is escaped.
public enum HandoutHTMLRenderer {
    public enum Styling: Sendable {
        /// A `<style>` block: the exported file is opened on its own, from disk or in Chromium.
        case embedded
        /// `<link>` to a same-origin stylesheet and the print-button module, for the app's CSP;
        /// `toolbar` is the page's own controls (HTML in the interface language, hidden in print).
        case linked(stylesheet: String, script: String, toolbar: String)
    }

    /// One handout as a document of one sheet.
    public static func render(_ handout: Handout, date: String, styling: Styling = .embedded) -> String {
        let texts = texts(handout.language, easyRead: handout.easyRead)
        return document(title: "\(handout.title) · \(texts.documentTitle)", language: handout.language, easyRead: handout.easyRead,
                        sheets: [sheet(handout, date: date)], styling: styling)
    }

    /// The texts of a language handouts are written in (English for any other: the service
    /// refuses other languages before anything is rendered).
    static func texts(_ language: String, easyRead: Bool) -> HandoutTexts {
        HandoutTexts.of(language: language, easyRead: easyRead) ?? (easyRead ? .englishEasyRead : .english)
    }

    /// A whole document around sheets: the print CSS (or its link), the page language, the
    /// easy-read class that sets the larger type.
    static func document(title: String, language: String, easyRead: Bool, sheets: [String], styling: Styling) -> String {
        let e = HTMLText.escape
        var head = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += "<title>\(e(title))</title>"
        var toolbar = ""
        switch styling {
        case .embedded:
            head += "<style>\n\(HandoutStylesheet.css)\n</style>"
        case .linked(let stylesheet, let script, let controls):
            head += "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"\(e(stylesheet))\">"
            head += "<script type=\"module\" src=\"\(e(script))\"></script>"
            toolbar = controls
        }
        let bodyClass = easyRead ? " class=\"easy-read\"" : ""
        return "<!doctype html>\n<html lang=\"\(e(language))\">\n<head>\(head)</head>\n<body\(bodyClass)>\n<main>\n\(toolbar)"
            + sheets.joined(separator: "\n") + "\n</main>\n</body>\n</html>\n"
    }

    /// One station's A4 sheet. Headings, default questions and labels in the handout's language.
    static func sheet(_ handout: Handout, date: String) -> String {
        let e = HTMLText.escape
        let t = texts(handout.language, easyRead: handout.easyRead)
        var html = "<section class=\"sheet\" data-theme=\"\(e(handout.codeID))\">"
        let place = [handout.workshop, handout.station].compactMap { $0 }
        if !place.isEmpty { html += "<p class=\"kicker\">\(e(place.joined(separator: " · ")))</p>" }
        html += "<p class=\"kind\">\(e(t.kindLabel[handout.template] ?? ""))</p><h1>\(e(handout.title))</h1>"
        html += lines(handout.description, easyRead: handout.easyRead).map { "<p class=\"lead\">\(e($0))</p>" }.joined()
        html += "<h2>\(e(t.quotesHeading))</h2>"
        if handout.quotes.isEmpty { html += "<p>\(e(t.noQuotes))</p>" }
        for quote in handout.quotes {
            html += "<blockquote><p>\(e(t.quoted(quote.text)))</p><footer>– \(e(t.attribution(quote.attribution)))</footer></blockquote>"
        }
        if handout.template == .need {
            html += "<h2>\(e(t.solutionsHeading))</h2>"
            if handout.solutions.isEmpty { html += "<p>\(e(t.noSolutions))</p>" }
            for solution in handout.solutions {
                html += "<dl class=\"solution\"><dt>\(e(solution.name)) (\(e(t.status[solution.status] ?? solution.status.rawValue)))</dt>"
                html += lines(solution.description, easyRead: handout.easyRead).prefix(handout.easyRead ? 1 : 3).map { "<dd>\(e($0))</dd>" }.joined()
                html += "<dd>\(e(HandoutTexts.fill(t.cost, ["value": t.value(solution.costToResident)])))</dd>"
                html += "<dd>\(e(HandoutTexts.fill(t.competence, ["value": t.value(solution.competence)])))</dd></dl>"
            }
        }
        html += "<div class=\"questions-part\"><h2>\(e(t.questionsHeading))</h2><ol class=\"questions\">"
        for (number, question) in t.questions(for: handout).enumerated() {
            html += "<li><p class=\"question\"><span class=\"number\">\(number + 1).</span> \(e(question))</p>"
            html += "<div class=\"write\" role=\"note\" aria-label=\"\(e(t.writeHere))\"></div></li>"
        }
        html += "</ol></div><p class=\"sheet-footer\">\(e(footer(handout, date: date)))</p></section>"
        return html
    }

    /// The handout's own statement of the rule it applied, in its language: quotes are
    /// anonymous and consented, and how many were left out (a count, never a name).
    static func footer(_ handout: Handout, date: String) -> String {
        let t = texts(handout.language, easyRead: handout.easyRead)
        var parts = [date, t.footer]
        if handout.quotesWithheld > 0 { parts.append(HandoutTexts.fill(t.withheld, ["count": String(handout.quotesWithheld)])) }
        return parts.joined(separator: " · ")
    }

    /// Plain language keeps a paragraph; easy-read puts each sentence on a line of its own.
    static func lines(_ text: String, easyRead: Bool) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        return easyRead ? QuoteExcerpt.sentences(trimmed) : [trimmed]
    }
}
