/// HTML that is safe to write into a page: text interpolated into it is escaped by default.
///
/// Pages, handouts and reports are built from string literals (markup we wrote) and values
/// (transcripts, the codebook, requests: untrusted). With `SafeHTML` the literal parts are taken
/// as they are and every interpolated `String` is escaped, so forgetting to escape is not
/// possible; only another `SafeHTML` goes in unescaped. Markup made by a renderer that escapes on
/// its own (cmark, Graphviz) comes in through `init(trusted:)`, the one place to review.
///
///     let page: SafeHTML = "<h2>\(code.name)</h2><p>\(count) \(label)</p>"
public struct SafeHTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup, ready to send.
    public private(set) var rendered: String

    /// Markup that an escaping renderer produced (cmark's safe mode, Graphviz's SVG). Never call
    /// it with text from a transcript, the codebook or a request.
    public init(trusted markup: String) { rendered = markup }

    /// Escaped text: `<b>` becomes `&lt;b&gt;`.
    public init(text: String) { rendered = HTMLEscaping.escape(text) }

    public init() { rendered = "" }

    /// A literal is markup written in our source.
    public init(stringLiteral literal: String) { rendered = literal }

    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }

    public var description: String { rendered }
    public var isEmpty: Bool { rendered.isEmpty }

    public static func + (lhs: SafeHTML, rhs: SafeHTML) -> SafeHTML { SafeHTML(trusted: lhs.rendered + rhs.rendered) }
    public static func += (lhs: inout SafeHTML, rhs: SafeHTML) { lhs.rendered += rhs.rendered }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ html: SafeHTML) { output += html.rendered }
        public mutating func appendInterpolation(_ text: String) { output += HTMLEscaping.escape(text) }
        public mutating func appendInterpolation(_ text: Substring) { output += HTMLEscaping.escape(String(text)) }
        /// Text that may be absent: nothing for `nil`.
        public mutating func appendInterpolation(_ text: String?) { if let text { output += HTMLEscaping.escape(text) } }
        /// Markup only when `condition` holds: `"<option\(if: chosen, " selected")>"`. (A ternary of
        /// two literals would be taken as text and escaped; this takes the literal as markup.)
        public mutating func appendInterpolation(if condition: Bool, _ html: SafeHTML) { if condition { output += html.rendered } }
        public mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) { output += String(number) }
        public mutating func appendInterpolation(_ number: Double) { output += HTMLEscaping.escape(String(number)) }
        /// Several pieces of markup one after the other (a list's items).
        public mutating func appendInterpolation(_ pieces: [SafeHTML]) {
            for piece in pieces { output += piece.rendered }
        }
    }
}

extension Sequence where Element == SafeHTML {
    /// The pieces one after the other, with `separator` between them.
    public func joined(separator: SafeHTML = SafeHTML()) -> SafeHTML {
        var result = SafeHTML()
        var first = true
        for piece in self {
            if !first { result += separator }
            result += piece
            first = false
        }
        return result
    }
}
