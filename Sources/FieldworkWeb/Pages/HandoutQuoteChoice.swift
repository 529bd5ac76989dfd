import FieldworkCore
import FieldworkServices

/// The handout page's "Choose quotes" part (not printed, in the interface language): every
/// passage the handout may quote today, each with a checkbox, and a form that asks for the same
/// handout with the ticked ones (`?quote=ID`, in the order listed). What the rules left out of a
/// choice is said above it, since the sheet itself never names anyone.
///
/// The page may be on a screen at the workshop, so it names no pseudonym: each speaker is
/// "resident 1", "resident 2" … in the order listed (enough to keep to one quote per person), with
/// the passage's document.
struct HandoutQuoteChoice {
    let handout: Handout
    let path: String
    let options: HandoutService.Request
    let t: Localizer

    func render() -> SafeHTML {
        var html: SafeHTML = "<section class=\"toolbar quote-choice\" lang=\"\(t.language.rawValue)\" aria-labelledby=\"quote-choice-title\">"
        if !handout.quotesLeftOut.isEmpty {
            html += "<div role=\"status\" class=\"left-out\"><p>\(t.html("handout.leftOut"))</p><ul>"
            for left in handout.quotesLeftOut { html += "<li><code>\(left.id)</code>: \(reason(left.reason))</li>" }
            html += "</ul></div>"
        }
        let chosen = Set(handout.quotesChosen ? (options.quotes ?? []) : [])
        html += "<details\(if: handout.quotesChosen, " open")><summary id=\"quote-choice-title\">"
        let count = handout.quoteChoices.count
        html += t.html((handout.quotesChosen ? "handout.chosenByHand" : "handout.chooseQuotes") + (count == 1 ? ".one" : ".other"),
                       ["count": String(count)])
        html += "</summary>"
        guard !handout.quoteChoices.isEmpty else { return html + "<p>\(t.html("handout.noChoices"))</p></details></section>" }
        html += "<form method=\"get\" action=\"\(path)\"><p>\(t.html("handout.chooseHint", ["count": String(handout.limits.quotes)]))</p>"
        html += "<input type=\"hidden\" name=\"lang\" value=\"\(handout.language)\">"
        if options.easyRead { html += "<input type=\"hidden\" name=\"easy_read\" value=\"1\">" }
        html += "<ul class=\"choices\">"
        var people: [String: Int] = [:]
        for (number, choice) in handout.quoteChoices.enumerated() {
            let person = people[choice.speaker] ?? people.count + 1
            people[choice.speaker] = person
            let id = "choice-\(number)"
            html += "<li><input type=\"checkbox\" name=\"quote\" id=\"\(id)\" value=\"\(choice.codingID)\"\(if: chosen.contains(choice.codingID), " checked")>"
            html += "<label for=\"\(id)\">\(t.html("quote.marks", ["text": choice.text])) <span class=\"source\">\(t("handout.person", ["number": String(person)])) · \(choice.documentTitle) · \(t.count("handout.coders", choice.coders))</span></label></li>"
        }
        html += "</ul><p><button type=\"submit\">\(t.html("handout.useChosen"))</button> "
        html += "<a href=\"\(path)?lang=\(handout.language)\(options.easyRead ? "&easy_read=1" : "")\">\(t.html("handout.letHandoutChoose"))</a></p>"
        return html + "</form></details></section>"
    }

    private func reason(_ reason: ChosenQuotes.Reason) -> String {
        switch reason {
        case .notOnTheme: t("handout.reason.notOnTheme")
        case .ambiguous: t("handout.reason.ambiguous")
        case .notAResidentsTurn: t("handout.reason.notAResidentsTurn")
        case .otherLanguage(let language): t("handout.reason.otherLanguage", ["language": t.languageName(language)])
        case .noConsent: t("handout.reason.noConsent")
        case .samePerson: t("handout.reason.samePerson")
        case .noRoom(let room): t("handout.reason.noRoom", ["count": String(room)])
        case .empty: t("handout.reason.empty")
        }
    }
}
