/// The handout's print CSS: A4, large readable type, no web fonts or other outside resources.
/// One text for both uses — embedded in an exported file, served as `/static/handout.css`
/// for the browser (whose CSP forbids inline style).
public enum HandoutStylesheet {
    public static let css = """
        @page { size: A4; margin: 18mm 16mm; }
        html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14pt; line-height: 1.45; color: #111; background: #fff; }
        body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 24pt; margin: 0 0 4pt; }
        h2 { font-size: 16pt; margin: 16pt 0 6pt; border-bottom: 1.5pt solid #333; }
        .station { font-size: 12pt; text-transform: uppercase; letter-spacing: 0.08em; color: #444; margin: 0; }
        .facts { font-size: 13pt; background: #f1f1f1; padding: 6pt 10pt; border-radius: 4pt; }
        blockquote { margin: 8pt 0; padding: 4pt 12pt; border-left: 4pt solid #888; font-style: italic; }
        blockquote footer { font-style: normal; font-size: 11pt; color: #444; margin-top: 2pt; }
        .solution { margin: 6pt 0; page-break-inside: avoid; break-inside: avoid; }
        .solution dt { font-weight: bold; }
        .solution dd { margin: 0 0 2pt 12pt; }
        ol.questions li { margin-bottom: 6pt; }
        .notes { border: 1.5pt solid #333; min-height: 70mm; margin-top: 6pt; page-break-inside: avoid; break-inside: avoid; }
        .toolbar { margin-bottom: 10pt; font-size: 12pt; }
        .toolbar button { font-size: 12pt; padding: 4pt 10pt; }
        @media print { .toolbar { display: none; } body { padding: 0; } }
        """
}
