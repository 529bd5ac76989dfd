import FieldworkCore
import Foundation

/// The actor map as an A3 landscape PDF for the policy lab's wall: Graphviz draws the SVG, headless
/// Chromium prints it on one A3 page, scaled to fit. Graphviz's own PDF cannot be given a paper
/// size (its page is the drawing's size), Chromium's `@page` can.
public enum ActorMapPrinter {
    public static func a3PDF(dot: String) async throws -> Data {
        try await ChromiumPrinter.pdf(html: page(svg: GraphvizRenderer.svg(dot: dot)))
    }

    /// The HTML Chromium prints: the SVG without its XML prolog, fitted into the page box.
    static func page(svg: Data) -> SafeHTML {
        let drawing = GraphvizRenderer.markup(GraphvizRenderer.inlineSVG(svg))
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Actor map</title>
        <style>
        @page { size: A3 landscape; margin: 10mm; }
        html, body { margin: 0; }
        svg { display: block; width: 400mm; height: 277mm; }
        </style></head>
        <body>\(drawing)</body></html>
        """
    }
}
