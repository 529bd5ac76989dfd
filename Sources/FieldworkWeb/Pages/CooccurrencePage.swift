import FieldworkCore
import FieldworkServices
import Foundation

/// `/cooccurrence`: a heat map of Jaccard indices between codes (server-rendered SVG, no script,
/// presentation attributes only, as the CSP requires) with the same numbers as a table beside it.
struct CooccurrencePage {
    let result: CooccurrenceOutput
    let codebook: Codebook
    let t: Localizer

    static let cell = 22.0
    /// A code name longer than this is cut (…) in the drawing; its cells' titles and the table
    /// below give it whole.
    static let longestLabel = 40
    /// The width a 10-pixel sans-serif label takes, per character (a generous average).
    static let characterWidth = 5.8

    /// Room for the row labels (and, above, the slanted column labels): the longest label's,
    /// where a fixed 180 pixels cut "…dependence and self-determination" off.
    var labelWidth: Double {
        let longest = result.codes.map { Self.label($0.code, codebook).count }.max() ?? 0
        return max(80, Double(longest) * Self.characterWidth + 8)
    }

    /// Room on the right for the slanted column labels (rotated 60°: half their length sideways).
    static func slant(labelWidth: Double) -> Double { max(40, labelWidth / 2 + 10) }

    static func label(_ code: String, _ codebook: Codebook) -> String {
        let name = codebook[code]?.name ?? code
        return name.count > longestLabel ? String(name.prefix(longestLabel - 1)) + "…" : name
    }

    private func name(_ code: String) -> String { codebook[code]?.name ?? code }

    func body() -> SafeHTML {
        let who = result.coder.map { t("cooccurrence.byCoder", ["coder": $0]) } ?? t("cooccurrence.byAny")
        var html: SafeHTML = "<h1>\(t.html("cooccurrence.title"))</h1><p class=\"hint\">"
            + t.html("cooccurrence.hint", ["who": who], raw: ["parameter": "<code>?coder=NAME</code>"]) + " " + t.html("cooccurrence.cellHint") + "</p>"
        html += ConsentNoteHTML.paragraph(result.consent, t: t)
        guard !result.codes.isEmpty else { return html + "<p class=\"empty\">\(t.html("cooccurrence.empty"))</p>" }
        // Codes, but no two on one passage (a blind pass's first codings, say): an empty grid and
        // a table of headings said nothing.
        guard !result.pairs.isEmpty else { return html + "<p class=\"empty\">\(t.html("cooccurrence.noPairs", ["who": who]))</p>" }
        html += "<div class=\"cooccurrence\">" + svg()
        html += "<table class=\"cooccurrence\"><caption>\(t.html("cooccurrence.pairs"))</caption><thead><tr>"
            + ["col.code", "col.code", "cooccurrence.both", "cooccurrence.jaccard"].map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "</tr></thead><tbody>"
        for pair in result.pairs {
            html += "<tr><td>\(name(pair.codeA)) (\(pair.segmentsA))</td><td>\(name(pair.codeB)) (\(pair.segmentsB))</td>"
                + "<td><a href=\"\(passagesLink(pair))\" aria-label=\"\(described(pair))\">\(pair.both)</a></td><td>\(String(format: "%.3f", pair.jaccard))</td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// The segments where both codes of the pair apply (by the same coder filter as the page).
    func passagesLink(_ pair: CooccurrenceOutput.Pair) -> String {
        HTML.url("/cooccurrence/passages", [("a", pair.codeA), ("b", pair.codeB), ("coder", result.coder)])
    }

    private func described(_ pair: CooccurrenceOutput.Pair) -> String {
        t.count("cooccurrence.cellLink", pair.both, ["a": name(pair.codeA), "b": name(pair.codeB)])
    }

    /// Rows and columns are the codes in codebook order; a stronger cell is a higher Jaccard index.
    /// The cells' colour is the theme's (`--heat`, theme.css): the fill given here is the light
    /// theme's, and a dark blue was all but invisible on the dark theme's background.
    /// Its cells are links, so it is a group, not an image (an image may hold nothing interactive).
    func svg() -> SafeHTML {
        let codes = result.codes.map(\.code)
        let index = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let labelWidth = labelWidth
        let size = labelWidth + Self.cell * Double(codes.count)
        var marks = SafeHTML()
        // Labels in the text's colour (`currentColor`), which each theme sets: a fixed #333 was
        // all but invisible in the dark theme.
        for (row, code) in codes.enumerated() {
            let y = labelWidth + Self.cell * Double(row)
            let label = Self.label(code, codebook)
            marks += "<text x=\"\(labelWidth - 4)\" y=\"\(y + Self.cell / 2 + 4)\" text-anchor=\"end\" font-size=\"10\" fill=\"currentColor\">\(label)</text>"
            let x = labelWidth + Self.cell * Double(row)
            marks += "<text transform=\"translate(\(x + Self.cell / 2 + 4) \(labelWidth - 4)) rotate(-60)\" font-size=\"10\" fill=\"currentColor\">\(label)</text>"
        }
        for pair in result.pairs {
            guard let a = index[pair.codeA], let b = index[pair.codeB] else { continue }
            let title = t.count("cooccurrence.cell", pair.both, ["a": name(pair.codeA), "b": name(pair.codeB), "jaccard": String(format: "%.3f", pair.jaccard)])
            for (row, column) in [(a, b), (b, a)] {
                marks += "<a href=\"\(passagesLink(pair))\" aria-label=\"\(described(pair))\"><rect x=\"\(labelWidth + Self.cell * Double(column))\" y=\"\(labelWidth + Self.cell * Double(row))\" "
                    + "width=\"\(Self.cell - 1)\" height=\"\(Self.cell - 1)\" class=\"heat\" fill=\"#1f4e9c\" "
                    + "fill-opacity=\"\(String(format: "%.3f", 0.15 + 0.85 * pair.jaccard))\"><title>\(title)</title></rect></a>"
            }
        }
        let width = Int(size + Self.slant(labelWidth: labelWidth))
        return "<svg class=\"heatmap\" viewBox=\"0 0 \(width) \(Int(size))\" width=\"\(width)\" height=\"\(Int(size))\" "
            + "role=\"group\" aria-label=\"\(t.html("cooccurrence.mapLabel"))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(t.html("cooccurrence.map"))</title>\(marks)</svg>"
    }
}
