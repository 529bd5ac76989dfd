import Foundation

/// Turns DOT into SVG with Graphviz `dot`.
public enum GraphvizRenderer {
    public static func svg(dot: String) throws -> Data {
        guard let program = ExternalProgram("dot") else {
            throw ExternalProgramError.notInstalled(program: "dot", package: "graphviz")
        }
        let result = try program.run(["-Tsvg"], input: Data(dot.utf8))
        guard result.status == 0 else {
            throw ExternalProgramError.failed(program: "dot", status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }

    /// The `<svg>` element of Graphviz's output, for embedding in HTML: the XML prolog, doctype
    /// and comments before it are dropped. Graphviz escapes every label it writes (`&lt;`,
    /// `&amp;`), the DOT never sets URLs, and the pages' CSP runs no inline script, so the
    /// element carries no markup or script from an actor's name.
    public static func inlineSVG(_ svg: Data) -> String {
        let text = String(decoding: svg, as: UTF8.self)
        guard let start = text.range(of: "<svg") else { return "" }
        return String(text[start.lowerBound...])
    }
}
