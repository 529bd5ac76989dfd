import FieldworkCore

/// HTML text building. Every value that reaches a page goes through `escape`; nothing from a
/// transcript, the codebook or a request is ever written unescaped.
enum HTML {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A same-site link with a query (keys and values percent-encoded; empty values left out).
    /// Escape the result before writing it into an attribute.
    static func url(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { key, value in
            value.flatMap { $0.isEmpty ? nil : "\(RetrievalPage.percentEncode(key))=\(RetrievalPage.percentEncode($0))" }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// A whole page without the app chrome (errors, the sign-in hint).
    static func document(title: String, language: String = "en", body: String, head: String = "") -> String {
        """
        <!doctype html>
        <html lang="\(escape(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · Fieldwork</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/static/app.css">
        \(head)
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }
}
