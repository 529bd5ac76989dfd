import FieldworkCore
import FieldworkServices
import Foundation

/// `/cooccurrence`: a heat map of Jaccard indices between codes (server-rendered SVG, no script,
/// presentation attributes only, as the CSP requires) with the same numbers as a table beside it.
struct CooccurrencePage {
    let result: CooccurrenceOutput
    let codebook: Codebook
    let t: Localizer

    static let cell = 22.0, labelWidth = 180.0
    /// Room on the right for the slanted column labels.
    static let slant = 100.0

    func body() -> SafeHTML {
        let who = result.coder.map { t("cooccurrence.byCoder", ["coder": $0]) } ?? t("cooccurrence.byAny")
        var html: SafeHTML = "<h1>\(t.html("cooccurrence.title"))</h1><p class=\"hint\">"
            + t.html("cooccurrence.hint", ["who": who], raw: ["parameter": "<code>?coder=NAME</code>"]) + " " + t.html("cooccurrence.cellHint") + "</p>"
        html += ConsentNoteHTML.paragraph(result.consent, t: t)
        guard !result.codes.isEmpty else { return html + "<p class=\"empty\">\(t.html("cooccurrence.empty"))</p>" }
        html += "<div class=\"cooccurrence\">" + svg()
        html += "<table class=\"cooccurrence\"><caption>\(t.html("cooccurrence.pairs"))</caption><thead><tr>"
            + ["col.code", "col.code", "cooccurrence.both", "cooccurrence.jaccard"].map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "</tr></thead><tbody>"
        for pair in result.pairs {
            html += "<tr><td>\(pair.codeA) (\(pair.segmentsA))</td><td>\(pair.codeB) (\(pair.segmentsB))</td>"
                + "<td><a href=\"\(passagesLink(pair))\" aria-label=\"\(described(pair))\">\(pair.both)</a></td><td>\(String(format: "%.3f", pair.jaccard))</td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// The segments where both codes of the pair apply (by the same coder filter as the page).
    func passagesLink(_ pair: CooccurrenceOutput.Pair) -> String {
        HTML.url("/cooccurrence/passages", [("a", pair.codeA), ("b", pair.codeB), ("coder", result.coder)])
    }

    private func described(_ pair: CooccurrenceOutput.Pair) -> String {
        t.count("cooccurrence.cellLink", pair.both, ["a": codebook[pair.codeA]?.name ?? pair.codeA, "b": codebook[pair.codeB]?.name ?? pair.codeB])
    }

    /// Rows and columns are the codes in codebook order; a darker cell is a higher Jaccard index.
    /// Its cells are links, so it is a group, not an image (an image may hold nothing interactive).
    func svg() -> SafeHTML {
        let codes = result.codes.map(\.code)
        let index = Dictionary(codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let size = Self.labelWidth + Self.cell * Double(codes.count)
        var marks = SafeHTML()
        for (row, code) in codes.enumerated() {
            let y = Self.labelWidth + Self.cell * Double(row)
            let label = codebook[code]?.name ?? code
            marks += "<text x=\"\(Self.labelWidth - 4)\" y=\"\(y + Self.cell / 2 + 4)\" text-anchor=\"end\" font-size=\"10\" fill=\"#333\">\(label)</text>"
            let x = Self.labelWidth + Self.cell * Double(row)
            marks += "<text transform=\"translate(\(x + Self.cell / 2 + 4) \(Self.labelWidth - 4)) rotate(-60)\" font-size=\"10\" fill=\"#333\">\(label)</text>"
        }
        for pair in result.pairs {
            guard let a = index[pair.codeA], let b = index[pair.codeB] else { continue }
            let title = t("cooccurrence.cell", ["a": pair.codeA, "b": pair.codeB, "both": String(pair.both), "jaccard": String(format: "%.3f", pair.jaccard)])
            for (row, column) in [(a, b), (b, a)] {
                marks += "<a href=\"\(passagesLink(pair))\" aria-label=\"\(described(pair))\"><rect x=\"\(Self.labelWidth + Self.cell * Double(column))\" y=\"\(Self.labelWidth + Self.cell * Double(row))\" "
                    + "width=\"\(Self.cell - 1)\" height=\"\(Self.cell - 1)\" fill=\"#1f4e9c\" "
                    + "fill-opacity=\"\(String(format: "%.3f", 0.15 + 0.85 * pair.jaccard))\"><title>\(title)</title></rect></a>"
            }
        }
        let width = Int(size + Self.slant)
        return "<svg class=\"heatmap\" viewBox=\"0 0 \(width) \(Int(size))\" width=\"\(width)\" height=\"\(Int(size))\" "
            + "role=\"group\" aria-label=\"\(t.html("cooccurrence.mapLabel"))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(t.html("cooccurrence.map"))</title>\(marks)</svg>"
    }
}
