import FieldworkCore

/// One workshop's whole pack as one document: a cover with the plan's title, date, place and
/// agenda; one sheet per station (`HandoutHTMLRenderer.sheet`); a sheet on consent and quotes
/// in plain language. Each part is one A4 page.
public enum WorkshopPackRenderer {
    public static func html(plan: WorkshopPlan, handouts: [Handout], language: String, easyRead: Bool, date: String,
                            styling: HandoutHTMLRenderer.Styling = .embedded) -> String {
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

    static func cover(plan: WorkshopPlan, handouts: [Handout], texts t: HandoutTexts, date: String) -> String {
        let e = HTMLText.escape
        var html = "<section class=\"sheet cover\"><p class=\"kicker\">\(e(t.packLabel))</p><h1>\(e(plan.title))</h1>"
        html += "<p>\(e(HandoutTexts.fill(t.date, ["date": plan.date ?? date])))</p>"
        if let place = plan.place { html += "<p>\(e(HandoutTexts.fill(t.place, ["place": place])))</p>" }
        html += "<h2>\(e(t.agendaHeading))</h2><ol class=\"agenda\">"
        html += agenda(plan: plan, handouts: handouts, texts: t).map { "<li>\(e($0))</li>" }.joined() + "</ol>"
        html += "<h2>\(e(t.stationsHeading))</h2><ul class=\"agenda\">"
        html += handouts.map { "<li>\(e($0.station ?? $0.title)): \(e($0.title))</li>" }.joined() + "</ul></section>"
        return html
    }

    static func consent(plan: WorkshopPlan, texts t: HandoutTexts) -> String {
        let e = HTMLText.escape
        var html = "<section class=\"sheet consent\"><p class=\"kicker\">\(e(plan.title))</p><h1>\(e(t.consentHeading))</h1><ul class=\"consent\">"
        html += t.consentLines.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        if let contact = plan.contact { html += "<p>\(e(HandoutTexts.fill(t.contact, ["contact": contact])))</p>" }
        return html + "</section>"
    }
}
