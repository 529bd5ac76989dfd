/// The report's CSS: A4 print, readable type, no outside resources. Embedded in an exported
/// file, served as `/static/report.css` in the browser (whose CSP forbids inline style).
public enum ReportStylesheet {
    public static let css = """
        @page { size: A4; margin: 16mm 15mm; }
        html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; background: #fff; }
        body { margin: 0; }
        main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 24pt; line-height: 1.15; margin: 0 0 4pt; }
        .subtitle { font-size: 13pt; color: #333; margin: 0 0 8pt; }
        h2 { font-size: 16pt; margin: 18pt 0 6pt; border-bottom: 1.5pt solid #333; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 12.5pt; margin: 12pt 0 4pt; break-after: avoid; page-break-after: avoid; }
        p { margin: 0 0 6pt; }
        table { border-collapse: collapse; margin: 4pt 0 10pt; width: 100%; break-inside: avoid; page-break-inside: avoid; }
        caption { text-align: left; font-weight: bold; margin-bottom: 3pt; }
        th, td { border: 0.75pt solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
        td.number, th.number { text-align: right; }
        blockquote { margin: 4pt 0 6pt 12pt; padding-left: 8pt; border-left: 3pt solid #2b6cb0; }
        blockquote p { margin: 0; }
        blockquote footer { font-size: 10pt; color: #333; }
        .need { break-inside: avoid-page; }
        .facts { margin: 0 0 4pt; padding: 0; list-style: none; }
        .facts li { display: inline; margin-right: 10pt; }
        dl { margin: 0 0 6pt; }
        dt { font-weight: bold; }
        dd { margin: 0 0 3pt 12pt; }
        figure { margin: 6pt 0 12pt; break-inside: avoid; page-break-inside: avoid; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 10pt; color: #333; }
        .note, .footer { font-size: 10pt; color: #333; }
        nav.toc ol { margin: 0 0 8pt; }
        .toolbar { display: flex; gap: 12pt; flex-wrap: wrap; padding: 6pt 0; border-bottom: 1pt solid #ccc; margin-bottom: 8pt; }
        a { color: #1a4f8b; }
        @media print { .toolbar { display: none; } main { padding: 0; } }
        """
}
