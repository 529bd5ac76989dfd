import FieldworkCore
import Foundation

/// The report's needs (a figure of residents per need, then one part per need) and the
/// solutions considered for them, as HTML.
enum ReportNeedsHTML {
    static func section(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<section>\(ReportHTMLRenderer.heading("needs", t))<p>\(t.needsIntro)</p>"
        guard !report.needs.isEmpty else { return html + "</section>" }
        let figure = ReportFigure(title: t.needsFigure, bars: report.needs.map {
            .init(label: $0.name, value: $0.residents, shown: report.count($0.residents), hidden: report.hides($0.residents))
        })
        html += "<figure>\(figure.svg())<figcaption>\(t.needsFigure)</figcaption></figure>"
        let needs: [SafeHTML] = report.needs.map { need(report, $0) }
        return html + "\(needs)</section>"
    }

    static func need(_ report: StudyReport, _ need: StudyReport.NeedSection) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<article class=\"need\"><h3>\(need.name)</h3>"
        if let description = need.description, !description.isEmpty { html += "<p>\(description)</p>" }
        var facts: [SafeHTML] = [
            "<li>\(t.residents): \(report.count(need.residents))</li>",
            "<li>\(t.relatives): \(report.count(need.relatives))</li>",
            "<li>\(t.staff): \(report.count(need.staff))</li>",
        ]
        if need.groupNotes > 0 { facts.append("<li>\(t.groupNotes): \(need.groupNotes)</li>") }
        html += "<ul class=\"facts\">\(facts)</ul><dl>"
        let administrations = need.administrations.map { $0.map { t.administration[$0] ?? $0.rawValue }.joined(separator: ", ") } ?? t.administrationsHidden
        html += "<dt>\(t.administrationsLabel)</dt><dd>\(administrations.isEmpty ? "–" : administrations)</dd>"
        if !need.seenWith.isEmpty { html += "<dt>\(t.seenWith)</dt><dd>\(need.seenWith.joined(separator: ", "))</dd>" }
        if !need.solutions.isEmpty {
            let solutions = need.solutions.map { "\($0.name) (\(t.status[$0.status] ?? $0.status.rawValue))" }.joined(separator: ", ")
            html += "<dt>\(t.solutionsLabel)</dt><dd>\(solutions)</dd>"
        }
        html += "</dl><h4>\(t.quotesLabel)</h4>"
        if need.quotes.isEmpty { html += "<p>\(t.noQuotes)</p>" }
        let quotes: [SafeHTML] = need.quotes.map { quote in
            "<blockquote><p>\(t.quoted(quote.text))</p><footer>– \(t.attribution(quote.attribution))</footer></blockquote>"
        }
        html += "\(quotes)"
        if need.quotesWithheld > 0 { html += "<p class=\"note\">\(t.withheldNote(need.quotesWithheld))</p>" }
        return html + "</article>"
    }

    static func solutions(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        let html: SafeHTML = "<section>\(ReportHTMLRenderer.heading("solutions", t))<p>\(t.solutionsIntro)</p>"
        guard !report.solutions.isEmpty else { return html + "<p>\(t.noSolutions)</p></section>" }
        let parts: [SafeHTML] = report.solutions.map { solution in
            let needs = solution.needs.map { "\($0.name) (\(t.status[$0.status] ?? $0.status.rawValue))" }.joined(separator: ", ")
            let fit = solution.fit.map { t.administration[$0] ?? $0.rawValue }.joined(separator: ", ")
            return """
                <article class="solution"><h3>\(solution.name)</h3><p>\(solution.description)</p><dl>\
                <dt>\(t.answersNeeds)</dt><dd>\(needs)</dd>\
                <dt>\(t.fitLabel)</dt><dd>\(fit.isEmpty ? "–" : fit)</dd>\
                <dt>\(t.costLabel)</dt><dd>\(t.value(solution.costToResident))</dd>\
                <dt>\(t.competenceLabel)</dt><dd>\(t.value(solution.competence))</dd></dl></article>
                """
        }
        return html + "\(parts)</section>"
    }
}
