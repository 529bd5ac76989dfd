import FieldworkCore
import Foundation

/// Renders a handout as Markdown, for editing before printing or pasting into other tools.
public enum HandoutMarkdownRenderer {
    public static func render(_ handout: Handout, date: String) -> String {
        var lines: [String] = []
        if let station = handout.station { lines += ["*\(station)*", ""] }
        lines += ["# \(handout.title)", ""]
        if !handout.description.isEmpty { lines += [handout.description, ""] }
        lines += ["**\(HandoutHTMLRenderer.facts(handout))**", "", "## In their own words", ""]
        if handout.quotes.isEmpty { lines += ["No quotes can be shown for this theme.", ""] }
        for quote in handout.quotes {
            lines += ["> “\(quote.text.replacingOccurrences(of: "\n", with: " "))”", ">", "> — \(quote.speaker)", ""]
        }
        lines += ["## Ideas to discuss", ""]
        if handout.solutions.isEmpty { lines += ["No solution has been linked yet — what would you suggest?", ""] }
        for solution in handout.solutions {
            lines += ["- **\(solution.name)** (\(solution.status.rawValue)): \(solution.description) Cost to the resident: \(solution.costToResident). Asks of the resident: \(solution.competence)."]
        }
        lines += ["", "## Questions for the group", ""]
        lines += handout.questions.enumerated().map { "\($0.offset + 1). \($0.element)" }
        lines += ["", "## Notes", "", String(repeating: "\n", count: 8), "---", "", HandoutHTMLRenderer.footer(handout, date: date)]
        return lines.joined(separator: "\n") + "\n"
    }
}
