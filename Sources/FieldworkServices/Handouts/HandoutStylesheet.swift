/// The handouts' print CSS: A4, large readable type, no web fonts or other outside resources.
/// One text for both uses — embedded in an exported file, served as `/static/handout.css`
/// for the browser (whose CSP forbids inline style).
///
/// Each `.sheet` is one printed page: exactly the page's height, with a page break after it.
/// The writing room under the questions takes what the rest leaves, growing to the foot of the
/// page or shrinking to a line each (it used to keep a fixed minimum, and the sample's night
/// handout, with two long solutions and four questions, ran onto a second page). A question is
/// never squeezed below its own text and a line to write on (a flex item's automatic minimum), so
/// a question of two lines does not push its box over the footer. The renderer
/// caps what a sheet holds (`Handout.Limits`); the Chromium tests count the pages.
public enum HandoutStylesheet {
    public static let css = """
        @page { size: A4; margin: 14mm 15mm; }
        html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 12.5pt; line-height: 1.4; color: #111; background: #fff; }
        body { margin: 0; }
        main { max-width: 180mm; margin: 0 auto; }
        .sheet { display: flex; flex-direction: column; box-sizing: border-box; height: 262mm; break-after: page; page-break-after: always; }
        .sheet:last-child { break-after: auto; page-break-after: auto; }
        .kicker, .kind { font-size: 10.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #333; margin: 0; }
        .kind { font-weight: bold; }
        h1 { font-size: 22pt; line-height: 1.15; margin: 2pt 0 6pt; }
        h2 { font-size: 14pt; margin: 10pt 0 4pt; border-bottom: 1.5pt solid #333; }
        p { margin: 0 0 4pt; }
        blockquote { margin: 5pt 0; padding: 2pt 10pt; border-left: 4pt solid #555; }
        blockquote p { font-style: italic; margin: 0; }
        blockquote footer { font-size: 10.5pt; color: #333; }
        .solution { margin: 4pt 0; break-inside: avoid; page-break-inside: avoid; }
        .solution dt { font-weight: bold; }
        .solution dd { margin: 0 0 1pt 12pt; }
        .questions-part { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; }
        ol.questions { flex: 1 1 auto; min-height: 0; display: flex; flex-direction: column; list-style: none; margin: 0; padding: 0; }
        ol.questions li { flex: 1 1 0; display: flex; flex-direction: column; }
        .question { margin: 4pt 0 2pt; font-weight: bold; }
        .write { flex: 1 1 auto; min-height: 8.3mm; border: 1pt solid #555; border-radius: 3pt;
                 background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 8mm, #bbb 8mm, #bbb 8.3mm);
                 -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .sheet-footer { font-size: 9.5pt; color: #333; margin: 6pt 0 0; }
        .agenda li, .consent li { margin-bottom: 6pt; }
        body.easy-read { font-size: 17pt; line-height: 1.5; }
        .easy-read h1 { font-size: 28pt; }
        .easy-read h2 { font-size: 19pt; }
        .easy-read .kicker, .easy-read .kind, .easy-read blockquote footer, .easy-read .sheet-footer { font-size: 13pt; }
        .easy-read blockquote p { font-style: normal; }
        .toolbar { margin: 8pt 0; font-size: 12pt; display: flex; gap: 12pt; flex-wrap: wrap; align-items: center; }
        .toolbar button { font-size: 12pt; padding: 4pt 10pt; }
        .toolbar a { color: #0645ad; }
        .quote-choice { display: block; max-width: 180mm; }
        .quote-choice summary { cursor: pointer; font-weight: bold; }
        .quote-choice ul { list-style: none; padding: 0; }
        .quote-choice li { margin: 4pt 0; }
        .quote-choice .left-out li { list-style: disc; margin-left: 14pt; }
        .quote-choice .source { color: #444; font-size: 10.5pt; }
        @media screen {
          main { padding: 0 4mm; }
          .sheet { height: auto; border: 1px solid #999; padding: 12mm 14mm; margin: 8mm 0; }
          ol.questions li { min-height: 30mm; }
        }
        @media print { .toolbar { display: none; } }
        """
}
