import FieldworkCore
import Foundation

/// The study report as one standalone HTML document in the report's language, built with
/// `SafeHTML` (every value escaped; Graphviz's SVG, which escapes on its own, is the one trusted
/// piece). Sections: about, method, needs (with a figure), barriers and preconditions,
/// solutions, actors (the map), pilots, proposals, then the rule applied.
public enum ReportHTMLRenderer {
    public enum Styling: Sendable {
        /// A `<style>` block: the exported file opens on its own, from disk or in Chromium.
        case embedded
        /// `<link>` to `/static/report.css` with the page's toolbar (the app's CSP forbids inline style).
        case linked(stylesheet: String, toolbar: SafeHTML)
    }

    public static func render(_ report: StudyReport, styling: Styling = .embedded) -> String {
        let t = report.texts
        var head: SafeHTML = "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>\(t.title)</title>"
        var toolbar = SafeHTML()
        switch styling {
        case .embedded:
            // trusted: the stylesheet is a constant of this module.
            head += "<style>\n" + SafeHTML(trusted: ReportStylesheet.css) + "\n</style>"
        case .linked(let stylesheet, let controls):
            head += "<link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"\(stylesheet)\">"
            toolbar = controls
        }
        let sections: [SafeHTML] = [
            cover(report), about(report), method(report), ReportNeedsHTML.section(report), obstacles(report),
            ReportNeedsHTML.solutions(report), actors(report), pilots(report), proposals(report), footer(report),
        ]
        let document: SafeHTML = "<!doctype html>\n<html lang=\"\(report.language)\">\n<head>\(head)</head>\n<body>\n<main>\n\(toolbar)\(sections.joined(separator: "\n"))\n</main>\n</body>\n</html>\n"
        return document.rendered
    }

    /// Section ids and headings, for the contents list and the headings themselves.
    static func headings(_ t: ReportTexts) -> [(id: String, title: String)] {
        [("about", t.aboutHeading), ("method", t.methodHeading), ("needs", t.needsHeading), ("obstacles", t.obstaclesHeading),
         ("solutions", t.solutionsHeading), ("actors", t.actorsHeading), ("pilots", t.pilotsHeading), ("proposals", t.proposalsHeading)]
    }

    static func heading(_ id: String, _ t: ReportTexts) -> SafeHTML {
        let title = headings(t).first { $0.id == id }?.title ?? id
        return "<h2 id=\"\(id)\">\(title)</h2>"
    }

    static func cover(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<header><h1>\(t.title)</h1><p class=\"subtitle\">\(t.subtitle)</p>"
        if let first = report.firstDate, let last = report.lastDate {
            html += "<p>\(ReportTexts.fill(t.period, ["first": first, "last": last]))</p>"
        }
        let items: [SafeHTML] = headings(t).map { "<li><a href=\"#\($0.id)\">\($0.title)</a></li>" }
        return html + "</header><nav class=\"toc\" aria-label=\"\(t.contents)\"><h2>\(t.contents)</h2><ol>\(items)</ol></nav>"
    }

    static func about(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var lines = t.aboutLines
        if let cells = report.smallCells { lines.append(ReportTexts.fill(t.publicationLine, ["k": String(cells.k)])) }
        if report.adjudicatedDocuments > 0 { lines.append(ReportTexts.fill(t.consensusLine, ["count": String(report.adjudicatedDocuments)])) }
        let paragraphs: [SafeHTML] = lines.map { "<p>\($0)</p>" }
        return "<section>\(heading("about", t))\(paragraphs)</section>"
    }

    static func method(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        let documents: [SafeHTML] = report.documents.map {
            "<tr><th scope=\"row\">\(t.documentType[$0.type] ?? $0.type.rawValue)</th><td class=\"number\">\($0.count)</td></tr>"
        }
        var html: SafeHTML = "<section>\(heading("method", t))<p>\(t.methodIntro)</p>"
        html += "<table><caption>\(t.documentsCaption)</caption><thead><tr><th scope=\"col\">\(t.kindColumn)</th><th scope=\"col\" class=\"number\">\(t.countColumn)</th></tr></thead><tbody>\(documents)</tbody></table>"
        let columns = Administration.allCases.filter { administration in report.participants.contains { $0.byAdministration[administration] != nil } }
        let header: [SafeHTML] = columns.map { "<th scope=\"col\" class=\"number\">\(t.administration[$0] ?? $0.rawValue)</th>" }
        let rows: [SafeHTML] = report.participants.map { row in
            let cells: [SafeHTML] = columns.map { "<td class=\"number\">\(report.count(row.byAdministration[$0] ?? 0))</td>" }
            return "<tr><th scope=\"row\">\(t.rolePlural[row.role] ?? row.role.rawValue)</th>\(cells)<td class=\"number\">\(report.count(row.total))</td></tr>"
        }
        html += "<table><caption>\(t.participantsCaption)</caption><thead><tr><th scope=\"col\">\(t.roleColumn)</th>\(header)<th scope=\"col\" class=\"number\">\(t.totalColumn)</th></tr></thead><tbody>\(rows)</tbody></table>"
        return html + "<p class=\"note\">\(t.participantsNote)</p></section>"
    }

    static func obstacles(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<section>\(heading("obstacles", t))<p>\(t.obstaclesIntro)</p>"
        guard !report.obstacles.isEmpty else { return html + "</section>" }
        let rows: [SafeHTML] = report.obstacles.map { obstacle in
            "<tr><th scope=\"row\">\(obstacle.name)</th><td>\(t.kind[obstacle.kind] ?? obstacle.kind.rawValue)</td><td class=\"number\">\(report.count(obstacle.residents))</td><td class=\"number\">\(report.count(obstacle.people))</td><td>\(obstacle.needs.joined(separator: ", "))</td></tr>"
        }
        html += "<table><thead><tr><th scope=\"col\">\(t.codeColumn)</th><th scope=\"col\">\(t.kindColumn)</th><th scope=\"col\" class=\"number\">\(t.residents)</th><th scope=\"col\" class=\"number\">\(t.peopleColumn)</th><th scope=\"col\">\(t.needsColumn)</th></tr></thead><tbody>\(rows)</tbody></table>"
        return html + "</section>"
    }

    static func actors(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<section>\(heading("actors", t))<p>\(t.actorsIntro)</p>"
        if let cells = report.smallCells { html += "<p class=\"note\">\(ReportTexts.fill(t.actorsPublication, ["k": String(cells.k)]))</p>" }
        if report.actorMapMissing { html += "<p class=\"note\">\(t.actorsMissing)</p>" }
        if let svg = report.actorMapSVG {
            // The map is one labelled image, its key inside it.
            html += "<figure class=\"actor-map\">\(GraphvizRenderer.markup(svg, label: t.actorsHeading))<figcaption>\(t.actorsHeading)</figcaption></figure>"
        }
        return html + "</section>"
    }

    static func pilots(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<section>\(heading("pilots", t))<p>\(ReportTexts.fill(t.pilotsIntro, ["zone": report.timeZone]))</p>"
        guard !report.pilots.isEmpty else { return html + "<p>\(t.noPilots)</p></section>" }
        let rows: [SafeHTML] = report.pilots.map { pilot in
            // For publication, a pilot in fewer than k homes shows no numbers that could point at them.
            let hidden = report.hides(pilot.households)
            func number(_ value: Int?) -> String { hidden ? "–" : value.map(String.init) ?? "–" }
            let inactivity = hidden ? "–" : pilot.inactivity.map {
                ReportTexts.fill(t.inactivityValue, ["count": String($0), "hours": ReportNumbers.hours(pilot.inactivityHours)])
            } ?? "–"
            return "<tr><th scope=\"row\">\(pilot.solution)</th><td class=\"number\">\(report.count(pilot.households))</td><td class=\"number\">\(number(pilot.days))</td><td class=\"number\">\(number(pilot.readings))</td><td class=\"number\">\(number(pilot.nightOpenings))</td><td>\(inactivity)</td></tr>"
        }
        html += "<table><thead><tr><th scope=\"col\">\(t.solutionColumn)</th><th scope=\"col\" class=\"number\">\(t.householdsColumn)</th><th scope=\"col\" class=\"number\">\(t.daysColumn)</th><th scope=\"col\" class=\"number\">\(t.readingsColumn)</th><th scope=\"col\" class=\"number\">\(t.nightColumn)</th><th scope=\"col\">\(t.inactivityColumn)</th></tr></thead><tbody>\(rows)</tbody></table>"
        return html + "</section>"
    }

    static func proposals(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var html: SafeHTML = "<section>\(heading("proposals", t))<p>\(t.proposalsIntro)</p>"
        guard !report.proposals.isEmpty else { return html + "<p>\(report.proposalsRestricted ? t.proposalsRestricted : t.noProposals)</p></section>" }
        let rows: [SafeHTML] = report.proposals.map { proposal in
            let status = (t.proposalStatus[proposal.status] ?? proposal.status.rawValue) + (proposal.date.map { " (\($0))" } ?? "")
            let answers = (proposal.answers + proposal.solutions).joined(separator: ", ")
            return "<tr><th scope=\"row\">\(proposal.id): \(proposal.title)</th><td>\(status)</td><td>\(proposal.owner ?? "–")</td><td>\(answers)</td><td class=\"number\">\(report.count(proposal.residents))</td></tr>"
        }
        html += "<table><thead><tr><th scope=\"col\">\(t.proposalColumn)</th><th scope=\"col\">\(t.statusColumn)</th><th scope=\"col\">\(t.ownerColumn)</th><th scope=\"col\">\(t.answersColumn)</th><th scope=\"col\" class=\"number\">\(t.residents)</th></tr></thead><tbody>\(rows)</tbody></table>"
        return html + "</section>"
    }

    static func footer(_ report: StudyReport) -> SafeHTML {
        let t = report.texts
        var parts = [t.footer, ReportTexts.fill(t.consentDate, ["date": report.consentDate])]
        if report.evidenceWithheld > 0 { parts.append(ReportTexts.fill(t.evidenceWithheld, ["count": String(report.evidenceWithheld)])) }
        return "<footer class=\"footer\"><p>\(parts.joined(separator: " "))</p></footer>"
    }
}

/// Numbers as the report writes them.
enum ReportNumbers {
    /// Hours without a needless ".0".
    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
