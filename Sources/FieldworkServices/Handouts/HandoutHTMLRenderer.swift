import FieldworkCore
import Foundation

/// Renders handouts as standalone, print-ready HTML: each station one A4 sheet, in the
/// handout's language and register (`HandoutTexts`), as `SafeHTML`: every value is escaped.
public enum HandoutHTMLRenderer {
    public enum Styling: Sendable {
        /// A `<style>` block: the exported file is opened on its own, from disk or in Chromium.
        case embedded
        /// `<link>` to a same-origin stylesheet and the print-button module, for the app's CSP;
        /// `toolbar` is the page's own controls (HTML in the interface language, hidden in print).
        case linked(stylesheet: String, script: String, toolbar: SafeHTML)
    }

    /// One handout as a document of one sheet.
    public static func render(_ handout: Handout, date: String, styling: Styling = .embedded) -> SafeHTML {
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
    static func document(title: String, language: String, easyRead: Bool, sheets: [SafeHTML], styling: Styling) -> SafeHTML {
        var head: SafeHTML = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += "<title>\(title)</title>"
        var toolbar = SafeHTML()
        switch styling {
        case .embedded:
            // trusted: our own stylesheet, a constant in the source (`>` in its selectors must stay as it is).
            head += "<style>\n\(SafeHTML(trusted: HandoutStylesheet.css))\n</style>"
        case .linked(let stylesheet, let script, let controls):
            head += "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"\(stylesheet)\">"
            head += "<script type=\"module\" src=\"\(script)\"></script>"
            toolbar = controls
        }
        return "<!doctype html>\n<html lang=\"\(language)\">\n<head>\(head)</head>\n<body\(if: easyRead, " class=\"easy-read\"")>\n<main>\n\(toolbar)"
            + sheets.joined(separator: "\n") + "\n</main>\n</body>\n</html>\n"
    }

    /// One station's A4 sheet. Headings, default questions and labels in the handout's language.
    static func sheet(_ handout: Handout, date: String) -> SafeHTML {
        let t = texts(handout.language, easyRead: handout.easyRead)
        var html: SafeHTML = "<section class=\"sheet\" data-theme=\"\(handout.codeID)\">"
        let place = [handout.workshop, handout.station].compactMap { $0 }
        if !place.isEmpty { html += "<p class=\"kicker\">\(place.joined(separator: " · "))</p>" }
        html += "<p class=\"kind\">\(t.kindLabel[handout.template] ?? "")</p><h1>\(handout.title)</h1>"
        html += lines(handout.description, easyRead: handout.easyRead).map { line -> SafeHTML in "<p class=\"lead\">\(line)</p>" }.joined()
        html += "<h2>\(t.quotesHeading)</h2>"
        if handout.quotes.isEmpty { html += "<p>\(t.noQuotes)</p>" }
        for quote in handout.quotes {
            html += "<blockquote><p>\(t.quoted(quote.text))</p><footer>– \(t.attribution(quote.attribution))</footer></blockquote>"
        }
        if handout.template == .need {
            html += "<h2>\(t.solutionsHeading)</h2>"
            if handout.solutions.isEmpty { html += "<p>\(t.noSolutions)</p>" }
            for solution in handout.solutions {
                html += "<dl class=\"solution\"><dt>\(solution.name) (\(t.status[solution.status] ?? solution.status.rawValue))</dt>"
                html += lines(solution.description, easyRead: handout.easyRead).prefix(handout.easyRead ? 1 : 3).map { line -> SafeHTML in "<dd>\(line)</dd>" }.joined()
                html += "<dd>\(HandoutTexts.fill(t.cost, ["value": t.value(solution.costToResident)]))</dd>"
                html += "<dd>\(HandoutTexts.fill(t.competence, ["value": t.value(solution.competence)]))</dd></dl>"
            }
        }
        html += "<div class=\"questions-part\"><h2>\(t.questionsHeading)</h2><ol class=\"questions\">"
        for (number, question) in t.questions(for: handout).enumerated() {
            html += "<li><p class=\"question\"><span class=\"number\">\(number + 1).</span> \(question)</p>"
            html += "<div class=\"write\" role=\"note\" aria-label=\"\(t.writeHere)\"></div></li>"
        }
        html += "</ol></div><p class=\"sheet-footer\">\(footer(handout, date: date))</p></section>"
        return html
    }

    /// The handout's own statement of the rule it applied, in its language: quotes are
    /// anonymous and consented, and how many were left out (a count, never a name).
    static func footer(_ handout: Handout, date: String) -> String {
        let t = texts(handout.language, easyRead: handout.easyRead)
        // The statement about quotes only when the sheet quotes someone (it promised consent for
        // quotes a sheet without any did not have; found by a new user).
        var parts = handout.quotes.isEmpty ? [date] : [date, t.footer]
        if let note = t.withheldNote(handout.quotesWithheld) { parts.append(note) }
        return parts.joined(separator: " · ")
    }

    /// Plain language keeps a paragraph; easy-read puts each sentence on a line of its own.
    static func lines(_ text: String, easyRead: Bool) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        return easyRead ? QuoteExcerpt.sentences(trimmed) : [trimmed]
    }
}
