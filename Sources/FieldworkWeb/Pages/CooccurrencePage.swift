import FieldworkCore
import FieldworkServices
import Foundation

/// `/cooccurrence`: a heat map of Jaccard indices between codes (server-rendered SVG, no script,
/// presentation attributes only, as the CSP requires) with the same numbers as a table beside it.
struct CooccurrencePage {
    let result: CooccurrenceOutput
    let codebook: Codebook
    /// The study's coders, offered in the filter (a blind pass leaves only the coder's own: blind.js).
    let coders: [String]
    let t: Localizer

    static let cell = 22.0
    /// The light theme's `--heat-1` … `--heat-5` (theme.css), for a drawing shown without the stylesheet.
    static let lightSteps = ["#4674bb", "#3a68b0", "#2f5ea8", "#24519d", "#183f80"]
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
        var html: SafeHTML = "<h1>\(t.html("cooccurrence.title"))</h1>" + coderForm()
            + "<p class=\"hint\">\(t.html("cooccurrence.hint", ["who": who])) \(t.html("cooccurrence.cellHint"))</p>"
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
                + "<td><a href=\"\(passagesLink(pair))\" aria-label=\"\(described(pair))\">\(pair.both)</a></td><td>\(t.decimal(pair.jaccard))</td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// One coder's codings or everyone's, chosen by name: the hint said `?coder=NAME`, to be
    /// typed into the address bar. The form blind.js narrows (`form.filters select[name=coder]`).
    private func coderForm() -> SafeHTML {
        var html: SafeHTML = "<form class=\"filters\" method=\"get\" action=\"/cooccurrence\"><label>\(t.html("col.coder")) "
            + "<select name=\"coder\"><option value=\"\">\(t.html("filter.allCoders"))</option>"
        // A name asked for that no coding carries (yet) stays chosen rather than silently becoming "all".
        for coder in coders + (result.coder.map { coders.contains($0) ? [] : [$0] } ?? []) {
            html += "<option value=\"\(coder)\"\(if: coder == result.coder, " selected")>\(coder)</option>"
        }
        return html + "</select></label><button type=\"submit\">\(t.html("action.show"))</button></form>"
    }

    /// The step of the heat map's colour (1…5, `--heat-N` in theme.css) a Jaccard index falls in:
    /// solid steps whose numbers stay readable, where an opacity of the index faded weak cells out.
    static func step(_ jaccard: Double) -> Int { min(5, max(1, Int((jaccard * 5).rounded(.up)))) }

    /// The segments where both codes of the pair apply (by the same coder filter as the page).
    func passagesLink(_ pair: CooccurrenceOutput.Pair) -> String {
        HTML.url("/cooccurrence/passages", [("a", pair.codeA), ("b", pair.codeB), ("coder", result.coder)])
    }

    private func described(_ pair: CooccurrenceOutput.Pair) -> String {
        t.count("cooccurrence.cellLink", pair.both, ["a": name(pair.codeA), "b": name(pair.codeB)])
    }

    /// A cell's number, centred. Three digits fit a cell at 10 pixels; a longer count (a large
    /// study: 1,234 segments with both codes) is drawn narrower to fit, never over its neighbours.
    static func count(_ count: Int, x: Double, y: Double) -> SafeHTML {
        let digits = String(count)
        let fitted: SafeHTML = digits.count > 3 ? " textLength=\"\(cell - 4)\" lengthAdjust=\"spacingAndGlyphs\"" : ""
        return "<text class=\"heat-count\" x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"10\"\(fitted) fill=\"#ffffff\" "
            + "aria-hidden=\"true\">\(digits)</text>"
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
            let title = t.count("cooccurrence.cell", pair.both, ["a": name(pair.codeA), "b": name(pair.codeB), "jaccard": t.decimal(pair.jaccard)])
            let step = Self.step(pair.jaccard)
            for (row, column) in [(a, b), (b, a)] {
                let x = labelWidth + Self.cell * Double(column), y = labelWidth + Self.cell * Double(row)
                // The fill given is the light theme's step; theme.css sets both themes'. The number
                // is the segments with both (what the cell opens); the link's name says it in words.
                marks += "<a href=\"\(passagesLink(pair))\" aria-label=\"\(described(pair))\"><rect x=\"\(x)\" y=\"\(y)\" "
                    + "width=\"\(Self.cell - 1)\" height=\"\(Self.cell - 1)\" class=\"heat heat-\(step)\" fill=\"\(Self.lightSteps[step - 1])\">"
                    + "<title>\(title)</title></rect>" + Self.count(pair.both, x: x + (Self.cell - 1) / 2, y: y + Self.cell / 2 + 3) + "</a>"
            }
        }
        let width = Int(size + Self.slant(labelWidth: labelWidth))
        return "<svg class=\"heatmap\" viewBox=\"0 0 \(width) \(Int(size))\" width=\"\(width)\" height=\"\(Int(size))\" "
            + "role=\"group\" aria-label=\"\(t.html("cooccurrence.mapLabel"))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(t.html("cooccurrence.map"))</title>\(marks)</svg>"
    }
}
