import FieldworkCore
import Foundation

/// The report's bar chart: one horizontal bar per need, its length the residents who spoke of
/// it. Drawn as SVG with presentation attributes only (no style, no script), every text escaped
/// through `SafeHTML`, coordinates rounded, so the same numbers give the same bytes. A count
/// the report hides (publication, below k) gets no bar, only its "< k" label.
struct ReportFigure {
    struct Bar {
        let label: String
        let value: Int
        let shown: String
        let hidden: Bool
    }

    let title: String
    let bars: [Bar]

    static let width = 640, labelWidth = 300, barHeight = 20, gap = 6, top = 8, fontSize = 12

    func svg() -> SafeHTML {
        let maximum = max(1, bars.filter { !$0.hidden }.map(\.value).max() ?? 1)
        let plot = Self.width - Self.labelWidth - 60
        let height = Self.top * 2 + bars.count * (Self.barHeight + Self.gap)
        var marks: [SafeHTML] = []
        for (index, bar) in bars.enumerated() {
            let y = Self.top + index * (Self.barHeight + Self.gap)
            let text = y + Self.barHeight / 2 + Self.fontSize / 2 - 2
            let length = bar.hidden ? 0 : max(1, plot * bar.value / maximum)
            marks.append("""
                <text x="\(Self.labelWidth - 8)" y="\(text)" text-anchor="end" font-size="\(Self.fontSize)" fill="#222">\(Self.shortened(bar.label))</text>\
                <rect x="\(Self.labelWidth)" y="\(y)" width="\(length)" height="\(Self.barHeight)" fill="#2b6cb0"><title>\(bar.label): \(bar.shown)</title></rect>\
                <text x="\(Self.labelWidth + length + 6)" y="\(text)" font-size="\(Self.fontSize)" fill="#222">\(bar.shown)</text>
                """)
        }
        return """
            <svg class="figure" viewBox="0 0 \(Self.width) \(height)" width="\(Self.width)" height="\(height)" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg">\
            <title>\(title)</title>\
            <line x1="\(Self.labelWidth)" y1="\(Self.top - 2)" x2="\(Self.labelWidth)" y2="\(height - Self.top + 2)" stroke="#888" stroke-width="1"/>\
            \(marks)</svg>
            """
    }

    /// Labels longer than the room for them are cut at a word with "…" (the table has them whole).
    static func shortened(_ label: String, limit: Int = 44) -> String {
        guard label.count > limit else { return label }
        let cut = label.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return String(word) + "…"
    }
}
