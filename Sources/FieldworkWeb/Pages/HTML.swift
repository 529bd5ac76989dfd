import FieldworkCore

/// Page building helpers. Pages are `SafeHTML`: text interpolated into them is escaped.
enum HTML {
    /// A same-site link with a query (keys and values percent-encoded; empty values left out).
    static func url(_ path: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { key, value in
            value.flatMap { $0.isEmpty ? nil : "\(RetrievalPage.percentEncode(key))=\(RetrievalPage.percentEncode($0))" }
        }
        return query.isEmpty ? path : path + "?" + query.joined(separator: "&")
    }

    /// A whole page without the app chrome (errors, the sign-in hint).
    static func document(title: String, language: String = "en", body: SafeHTML, head: SafeHTML = SafeHTML()) -> SafeHTML {
        """
        <!doctype html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Fieldwork</title>
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
