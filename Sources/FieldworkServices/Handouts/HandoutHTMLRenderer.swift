import FieldworkCore

/// Renders a handout as a standalone, print-ready HTML page. Every value is escaped.
public enum HandoutHTMLRenderer {
    public enum Styling: Sendable {
        /// A `<style>` block: the exported file is opened on its own, from disk or in Chromium.
        case embedded
        /// `<link>` to a same-origin stylesheet and the print-button module, for the app's CSP.
        case linked(stylesheet: String, script: String)
    }

    public static func render(_ handout: Handout, date: String, styling: Styling = .embedded) -> String {
        let e = HTMLText.escape
        var head = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        head += "<title>\(e(handout.title)) · Workshop handout</title>"
        var toolbar = ""
        switch styling {
        case .embedded:
            head += "<style>\n\(HandoutStylesheet.css)\n</style>"
        case .linked(let stylesheet, let script):
            head += "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"\(e(stylesheet))\">"
            head += "<script type=\"module\" src=\"\(e(script))\"></script>"
            toolbar = "<p class=\"toolbar\"><button type=\"button\" id=\"print-handout\">Print</button> or press Ctrl-P; the page is laid out for A4.</p>"
        }
        var body = toolbar
        if let station = handout.station { body += "<p class=\"station\">\(e(station))</p>" }
        body += "<h1>\(e(handout.title))</h1>"
        if !handout.description.isEmpty { body += "<p class=\"lead\">\(e(handout.description))</p>" }
        body += "<p class=\"facts\">" + e(facts(handout)) + "</p>"
        body += "<h2>In their own words</h2>"
        if handout.quotes.isEmpty {
            body += "<p>No quotes can be shown for this theme.</p>"
        }
        for quote in handout.quotes {
            body += "<blockquote><p>“\(e(quote.text))”</p><footer>— \(e(quote.speaker))</footer></blockquote>"
        }
        body += "<h2>Ideas to discuss</h2>"
        if handout.solutions.isEmpty { body += "<p>No solution has been linked yet — what would you suggest?</p>" }
        for solution in handout.solutions {
            body += "<dl class=\"solution\"><dt>\(e(solution.name)) (\(e(solution.status.rawValue)))</dt><dd>\(e(solution.description))</dd>"
            body += "<dd>Cost to the resident: \(e(solution.costToResident))</dd><dd>Asks of the resident: \(e(solution.competence))</dd></dl>"
        }
        body += "<h2>Questions for the group</h2><ol class=\"questions\">"
        body += handout.questions.map { "<li>\(e($0))</li>" }.joined() + "</ol>"
        body += "<h2>Notes</h2><div class=\"notes\" role=\"note\" aria-label=\"Space for notes\"></div>"
        body += "<p class=\"station\">\(e(footer(handout, date: date)))</p>"
        return "<!doctype html>\n<html lang=\"en\">\n<head>\(head)</head>\n<body>\n<main>\n\(body)\n</main>\n</body>\n</html>\n"
    }

    /// The handout's own statement of the consent rule applied and what it withheld (a count).
    static func footer(_ handout: Handout, date: String) -> String {
        let withheld = handout.quotesWithheld == 0 ? "no quote withheld"
            : "\(handout.quotesWithheld) quote\(handout.quotesWithheld == 1 ? "" : "s") withheld for consent"
        return "Fieldwork · \(date) · quotes anonymised, shown with consent (consent applied \(ConsentRule.today([]).today): \(withheld))"
    }

    /// "4 residents (5 participants) raised this; supported by Social services, Care and welfare."
    static func facts(_ handout: Handout) -> String {
        let show = { (count: Int) in handout.smallCells?.show(count) ?? String(count) }
        let people = "\(show(handout.residents)) resident\(handout.residents == 1 ? "" : "s") (\(show(handout.participants)) participant\(handout.participants == 1 ? "" : "s") in all) raised this"
        let administrations = handout.administrations.isEmpty ? "" :
            "; they are supported by \(handout.administrations.map(\.displayName).joined(separator: ", "))"
        return people + administrations + "."
    }
}
