import FieldworkCore

/// `/static/codes.css`: one custom property per code, so highlights, chips and dots take the
/// code's colour without any inline style (which the CSP forbids). A code without a colour
/// takes its nearest ancestor's.
enum CodeColors {
    static let fallback = "#8a8f98"

    static func stylesheet(for codebook: Codebook) -> String {
        var css = ":root{--code-fallback:\(fallback)}\n"
        for code in codebook.codes {
            css += "[data-code=\"\(code.id)\"]{--c:\(color(of: code.id, in: codebook))}\n"
        }
        return css
    }

    static func color(of id: String, in codebook: Codebook) -> String {
        var current: String? = id
        var steps = 0
        while let cursor = current, let code = codebook[cursor], steps <= codebook.codes.count {
            if let color = code.color { return color }
            current = code.parentID
            steps += 1
        }
        return fallback
    }
}
