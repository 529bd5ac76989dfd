import FieldworkCore
import Foundation

/// The study report as Markdown (CommonMark with pipe tables), the same sections as the HTML.
/// Text from the material is escaped so that it stays text (`MarkdownEscaping`); the actor map, an
/// SVG, is only in the HTML and PDF, which the Markdown says where it would be.
public enum ReportMarkdownRenderer {
    public static func render(_ report: StudyReport) -> String {
        let t = report.texts
        var lines: [String] = ["# \(e(t.title))", "", e(t.subtitle), ""]
        if let first = report.firstDate, let last = report.lastDate {
            lines += [e(ReportTexts.fill(t.period, ["first": first, "last": last])), ""]
        }
        lines += ["## \(e(t.aboutHeading))", ""]
        var about = t.aboutLines
        if let cells = report.smallCells { about.append(ReportTexts.fill(t.publicationLine, ["k": String(cells.k)])) }
        if report.adjudicatedDocuments > 0 { about.append(ReportTexts.fill(t.consensusLine, ["count": String(report.adjudicatedDocuments)])) }
        for line in about { lines += [e(line), ""] }

        lines += ["## \(e(t.methodHeading))", "", e(t.methodIntro), "", "**\(e(t.documentsCaption))**", ""]
        lines += table([t.kindColumn, t.countColumn], report.documents.map { [t.documentType[$0.type] ?? $0.type.rawValue, String($0.count)] })
        let columns = Administration.allCases.filter { administration in report.participants.contains { $0.byAdministration[administration] != nil } }
        lines += ["**\(e(t.participantsCaption))**", ""]
        lines += table([t.roleColumn] + columns.map { t.administration[$0] ?? $0.rawValue } + [t.totalColumn], report.participants.map { row in
            [t.rolePlural[row.role] ?? row.role.rawValue] + columns.map { report.count(row.byAdministration[$0] ?? 0) } + [report.count(row.total)]
        })
        lines += [e(t.participantsNote), ""]

        lines += ["## \(e(t.needsHeading))", "", e(t.needsIntro), ""]
        for need in report.needs { lines += self.need(report, need) }

        lines += ["## \(e(t.obstaclesHeading))", "", e(t.obstaclesIntro), ""]
        if !report.obstacles.isEmpty {
            lines += table([t.codeColumn, t.kindColumn, t.residents, t.peopleColumn, t.needsColumn], report.obstacles.map {
                [$0.name, t.kind[$0.kind] ?? $0.kind.rawValue, report.count($0.residents), report.count($0.people), $0.needs.joined(separator: ", ")]
            })
        }

        lines += ["## \(e(t.solutionsHeading))", "", e(t.solutionsIntro), ""]
        if report.solutions.isEmpty { lines += [e(t.noSolutions), ""] }
        for solution in report.solutions {
            let fit = solution.fit.map { t.administration[$0] ?? $0.rawValue }.joined(separator: ", ")
            lines += ["### \(e(solution.name))", "", e(solution.description), "",
                      "- **\(e(t.answersNeeds))**: " + e(solution.needs.map { "\($0.name) (\(t.status[$0.status] ?? $0.status.rawValue))" }.joined(separator: ", ")),
                      "- **\(e(t.fitLabel))**: " + e(fit.isEmpty ? "–" : fit),
                      "- **\(e(t.costLabel))**: " + e(t.value(solution.costToResident)),
                      "- **\(e(t.competenceLabel))**: " + e(t.value(solution.competence)), ""]
        }

        lines += ["## \(e(t.actorsHeading))", "", e(t.actorsIntro), ""]
        if let cells = report.smallCells { lines += [e(ReportTexts.fill(t.actorsPublication, ["k": String(cells.k)])), ""] }
        // The map is an SVG: the Markdown says where it is (it described a map it did not hold; found by a new user).
        lines += [e(report.actorMapMissing ? t.actorsMissing : t.actorsInOtherFormats), ""]

        lines += ["## \(e(t.pilotsHeading))", "", e(ReportTexts.fill(t.pilotsIntro, ["zone": report.timeZone])), ""]
        if report.pilots.isEmpty { lines += [e(t.noPilots), ""] }
        if !report.pilots.isEmpty {
            lines += table([t.solutionColumn, t.householdsColumn, t.daysColumn, t.readingsColumn, t.nightColumn, t.inactivityColumn], report.pilots.map { pilot in
                let hidden = report.hides(pilot.households)
                func number(_ value: Int?) -> String { hidden ? "–" : value.map(String.init) ?? "–" }
                let inactivity = hidden ? "–" : pilot.inactivity.map {
                    ReportTexts.fill(t.inactivityValue, ["count": String($0), "hours": ReportNumbers.hours(pilot.inactivityHours)])
                } ?? "–"
                return [pilot.solution, report.count(pilot.households), number(pilot.days), number(pilot.readings), number(pilot.nightOpenings), inactivity]
            })
        }

        lines += ["## \(e(t.proposalsHeading))", "", e(t.proposalsIntro), ""]
        if report.proposals.isEmpty { lines += [e(report.proposalsRestricted ? t.proposalsRestricted : t.noProposals), ""] }
        if !report.proposals.isEmpty {
            lines += table([t.proposalColumn, t.statusColumn, t.ownerColumn, t.answersColumn, t.residents], report.proposals.map { proposal in
                ["\(proposal.id): \(proposal.title)", (t.proposalStatus[proposal.status] ?? proposal.status.rawValue) + (proposal.date.map { " (\($0))" } ?? ""),
                 proposal.owner ?? "–", (proposal.answers + proposal.solutions).joined(separator: ", "), report.count(proposal.residents)]
            })
        }

        var footer = [t.footer, ReportTexts.fill(t.consentDate, ["date": report.consentDate])]
        if report.evidenceWithheld > 0 { footer.append(ReportTexts.fill(t.evidenceWithheld, ["count": String(report.evidenceWithheld)])) }
        lines += ["---", "", e(footer.joined(separator: " "))]
        return lines.joined(separator: "\n") + "\n"
    }

    static func need(_ report: StudyReport, _ need: StudyReport.NeedSection) -> [String] {
        let t = report.texts
        var lines = ["### \(e(need.name))", ""]
        if let description = need.description, !description.isEmpty { lines += [e(description), ""] }
        var facts = ["\(t.residents): \(report.count(need.residents))", "\(t.relatives): \(report.count(need.relatives))", "\(t.staff): \(report.count(need.staff))"]
        if need.groupNotes > 0 { facts.append("\(t.groupNotes): \(need.groupNotes)") }
        lines += [e(facts.joined(separator: " · ")), ""]
        let administrations = need.administrations.map { $0.map { t.administration[$0] ?? $0.rawValue }.joined(separator: ", ") } ?? t.administrationsHidden
        lines.append("- **\(e(t.administrationsLabel))**: " + e(administrations.isEmpty ? "–" : administrations))
        if !need.seenWith.isEmpty { lines.append("- **\(e(t.seenWith))**: " + e(need.seenWith.joined(separator: ", "))) }
        if !need.solutions.isEmpty {
            lines.append("- **\(e(t.solutionsLabel))**: " + e(need.solutions.map { "\($0.name) (\(t.status[$0.status] ?? $0.status.rawValue))" }.joined(separator: ", ")))
        }
        lines += ["", "**\(e(t.quotesLabel))**", ""]
        if need.quotes.isEmpty { lines += [e(t.noQuotes), ""] }
        for quote in need.quotes { lines += ["> \(e(t.quoted(quote.text)))", ">", "> – \(e(t.attribution(quote.attribution)))", ""] }
        if need.quotesWithheld > 0 { lines += [e(t.withheldNote(need.quotesWithheld)), ""] }
        return lines
    }

    /// A pipe table; a cell's `|` and line breaks are escaped so the row stays one row.
    static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.map { e($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |" }
        return [row(header), "|" + header.map { _ in " --- |" }.joined()] + rows.map(row) + [""]
    }

    /// Text from the material as Markdown text: characters that would start markup are escaped,
    /// line breaks become spaces. A `<` before a space starts no tag, so "< 5" stays readable.
    static func e(_ text: String) -> String {
        MarkdownEscaping.escapeParagraph(text.split(whereSeparator: \.isNewline).joined(separator: " "))
            .replacingOccurrences(of: "\\< ", with: "< ")
    }
}
