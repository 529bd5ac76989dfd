import FieldworkCore

/// One workshop's whole pack as one document: a cover with the plan's title, date, place and
/// agenda; one sheet per station (`HandoutHTMLRenderer.sheet`); a sheet on consent and quotes
/// in plain language. Each part is one A4 page.
public enum WorkshopPackRenderer {
    public static func html(plan: WorkshopPlan, handouts: [Handout], language: String, easyRead: Bool, date: String,
                            styling: HandoutHTMLRenderer.Styling = .embedded) -> SafeHTML {
        let t = HandoutHTMLRenderer.texts(language, easyRead: easyRead)
        let sheets = [cover(plan: plan, handouts: handouts, texts: t, date: date)]
            + handouts.map { HandoutHTMLRenderer.sheet($0, date: date) }
            + [consent(plan: plan, texts: t)]
        return HandoutHTMLRenderer.document(title: "\(plan.title) · \(t.packLabel)", language: language, easyRead: easyRead,
                                            sheets: sheets, styling: styling)
    }

    /// The agenda as printed: the plan's own, else welcome, each station, a summary.
    static func agenda(plan: WorkshopPlan, handouts: [Handout], texts t: HandoutTexts) -> [String] {
        guard plan.agenda.isEmpty else { return plan.agenda }
        // A station is called by its name in the plan (which usually numbers it already).
        let stations = handouts.enumerated().map { index, handout in
            handout.station ?? HandoutTexts.fill(t.stationItem, ["number": String(index + 1), "name": handout.title])
        }
        return [t.welcome] + stations + [t.summary]
    }

    static func cover(plan: WorkshopPlan, handouts: [Handout], texts t: HandoutTexts, date: String) -> SafeHTML {
        var html: SafeHTML = "<section class=\"sheet cover\"><p class=\"kicker\">\(t.packLabel)</p><h1>\(plan.title)</h1>"
        html += "<p>\(HandoutTexts.fill(t.date, ["date": plan.date ?? date]))</p>"
        if let place = plan.place { html += "<p>\(HandoutTexts.fill(t.place, ["place": place]))</p>" }
        html += "<h2>\(t.agendaHeading)</h2><ol class=\"agenda\">"
        html += agenda(plan: plan, handouts: handouts, texts: t).map { item -> SafeHTML in "<li>\(item)</li>" }.joined() + "</ol>"
        html += "<h2>\(t.stationsHeading)</h2><ul class=\"agenda\">"
        html += handouts.map { handout -> SafeHTML in "<li>\(handout.station ?? handout.title): \(handout.title)</li>" }.joined() + "</ul></section>"
        return html
    }

    static func consent(plan: WorkshopPlan, texts t: HandoutTexts) -> SafeHTML {
        var html: SafeHTML = "<section class=\"sheet consent\"><p class=\"kicker\">\(plan.title)</p><h1>\(t.consentHeading)</h1><ul class=\"consent\">"
        html += t.consentLines.map { line -> SafeHTML in "<li>\(line)</li>" }.joined() + "</ul>"
        if let contact = plan.contact { html += "<p>\(HandoutTexts.fill(t.contact, ["contact": contact]))</p>" }
        return html + "</section>"
    }
}
