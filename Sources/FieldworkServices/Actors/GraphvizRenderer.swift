import FieldworkCore
import Foundation

/// Turns DOT into SVG with Graphviz `dot`.
public enum GraphvizRenderer {
    public static func svg(dot: String) async throws -> Data {
        guard let program = ExternalProgram("dot") else {
            throw ExternalProgramError.notInstalled(program: "dot", package: "graphviz")
        }
        let result = try await program.run(["-Tsvg"], input: Data(dot.utf8))
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

    /// `svg` without Graphviz's `<title>` elements: it gives every graph, cluster, node and edge
    /// one from its DOT id (`actor_map`, `cluster_administration`, `need:need.safety`,
    /// `a&#45;&gt;b`), which a browser shows as the tooltip on hover. The drawn labels already
    /// say what each is, and tooltips the DOT sets itself (`<a xlink:title>`) stay.
    public static func withoutTitles(_ svg: String) -> String {
        svg.replacing(/<title>[^<]*<\/title>\n?/, with: "")
    }

    /// An inline SVG of Graphviz's as markup for a page; with a `label`, the drawing is one
    /// labelled image (`<svg ` becomes `<svg role="img" aria-label="…" `, the label escaped).
    /// The one place Graphviz's output is taken as markup.
    public static func markup(_ svg: String, label: String? = nil) -> SafeHTML {
        guard let label, let open = svg.range(of: "<svg ") else {
            // trusted: Graphviz's own SVG, in which Graphviz escapes every label it draws (XML).
            return SafeHTML(trusted: svg)
        }
        let tag: SafeHTML = "<svg role=\"img\" aria-label=\"\(label)\" "
        // trusted: Graphviz's own SVG, in which Graphviz escapes every label it draws (XML).
        return SafeHTML(trusted: String(svg[..<open.lowerBound])) + tag + SafeHTML(trusted: String(svg[open.upperBound...]))
    }
}
