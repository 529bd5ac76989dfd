import FieldworkCore
import Foundation

/// A small SVG chart drawn on the server: a line of daily means, or bars of daily counts.
///
/// CSP-safe by construction: presentation attributes (`fill`, `stroke`, `font-size`) only, never
/// a `style` attribute or element, no script; it is `SafeHTML`, so every text from data is escaped.
struct TelemetryChart {
    enum Kind { case line, bars }

    let title: String
    let kind: Kind
    /// (day `YYYY-MM-DD`, value), in order.
    let points: [(label: String, value: Double)]
    let unit: String?

    /// Room for the value labels with their unit on the left (at least: `left` grows with a long
    /// unit, "100 % laddning") and the first and last day below, at 11 px (legible), so no label
    /// is clipped by the SVG's edge.
    static let width = 360.0, height = 150.0, left = 64.0, right = 40.0, top = 14.0, bottom = 26.0, fontSize = 11

    /// A value with its unit, as the axis, the tooltips and the data table show it.
    func valueText(_ value: Double) -> String { Self.reading(value) + (unit.map { " " + $0 } ?? "") }

    func svg() -> SafeHTML {
        guard !points.isEmpty else { return SafeHTML() }
        let values = points.map(\.value)
        var low = kind == .bars ? 0 : values.min() ?? 0
        var high = values.max() ?? 0
        if high == low { high += 1; low = kind == .bars ? 0 : low - 1 }
        // An 11-pixel sans-serif character is about 6.2 pixels wide.
        let left = max(Self.left, Double(max(valueText(high).count, valueText(low).count)) * 6.2 + 8)
        let plotWidth = Self.width - left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double {
            points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        // Halved first: `high - low` of readings near ±1.8e308 is infinite.
        func y(_ value: Double) -> Double { Self.top + plotHeight * (1 - (value / 2 - low / 2) / (high / 2 - low / 2)) }
        var marks = SafeHTML()
        switch kind {
        case .line:
            let line = points.indices.map { "\(Self.number(x($0))),\(Self.number(y(points[$0].value)))" }.joined(separator: " ")
            marks += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>"
            for index in points.indices {
                marks += "<circle cx=\"\(Self.number(x(index)))\" cy=\"\(Self.number(y(points[index].value)))\" r=\"2.5\" fill=\"#1f77b4\"><title>\(points[index].label): \(valueText(points[index].value))</title></circle>"
            }
        case .bars:
            let slot = plotWidth / Double(points.count)
            for (index, point) in points.enumerated() {
                let barTop = y(point.value)
                marks += "<rect x=\"\(Self.number(left + slot * Double(index) + slot * 0.15))\" y=\"\(Self.number(barTop))\" width=\"\(Self.number(slot * 0.7))\" height=\"\(Self.number(Self.top + plotHeight - barTop))\" fill=\"#2b83c6\"><title>\(point.label): \(valueText(point.value))</title></rect>"
            }
        }
        let font: SafeHTML = "font-size=\"\(Self.fontSize)\" fill=\"#444\""
        return """
            <svg class="chart" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" width="\(Int(Self.width))" height="\(Int(Self.height))" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg">\
            <title>\(title)</title>\
            <line x1="\(left)" y1="\(Self.top)" x2="\(left)" y2="\(Self.top + plotHeight)" stroke="#888" stroke-width="1"/>\
            <line x1="\(left)" y1="\(Self.top + plotHeight)" x2="\(Self.width - Self.right)" y2="\(Self.top + plotHeight)" stroke="#888" stroke-width="1"/>\
            <text x="\(left - 4)" y="\(Self.top + 4)" text-anchor="end" \(font)>\(valueText(high))</text>\
            <text x="\(left - 4)" y="\(Self.top + plotHeight)" text-anchor="end" \(font)>\(valueText(low))</text>\
            <text x="\(left)" y="\(Self.height - 8)" \(font)>\(points.first?.label ?? "")</text>\
            <text x="\(Self.width - 4)" y="\(Self.height - 8)" text-anchor="end" \(font)>\(points.last?.label ?? "")</text>\
            \(marks)</svg>
            """
    }

    /// Short numbers for coordinates and labels: at most two decimals, no exponent up to 1e15;
    /// beyond, exponent form (an `Int64` of 1e300 trapped the server).
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        guard rounded.isFinite, abs(rounded) < 1e15 else { return value.isFinite ? String(format: "%.1e", value) : String(value) }
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }

    /// A reading as the axis, the tooltips and the data table show it: `number`, and a magnitude
    /// two decimals show as 0 in exponent form (`4.0e-03`), as `MeasureDecimals` writes them.
    static func reading(_ value: Double) -> String {
        MeasureDecimals.wantsExponent(value, decimals: 2) ? String(format: "%.1e", value) : number(value)
    }
}
