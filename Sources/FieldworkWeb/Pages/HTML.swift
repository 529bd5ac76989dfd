import FieldworkCore

/// HTML text building. Every value that reaches a page goes through `escape`; nothing from a
/// transcript, the codebook or a request is ever written unescaped.
enum HTML {
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

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
