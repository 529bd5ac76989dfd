import Hummingbird

/// A request's cookies (`name=value` pairs of its `Cookie` headers), split once, on bytes. The
/// server reads three or four per request (session, coder, language, blind pass); Hummingbird's
/// `Cookies` found each by cutting every pair into `Character`s again, a tenth of the server's
/// CPU for a static file. As there, the first pair of a name wins, space before a pair is not
/// part of its name, a pair without a value is none, and a value is kept as sent (no decoding).
struct RequestCookies: Sendable {
    private var pairs: [(name: Substring, value: Substring)] = []

    init(_ request: Request) {
        self.init(headers: request.headers[values: .cookie])
    }

    init(headers: [String]) {
        for header in headers {
            for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
                let trimmed = pair.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                // A pair without a value (`name=`) counts as no cookie, as Hummingbird read it.
                guard let equals = trimmed.firstIndex(of: UInt8(ascii: "=")), trimmed.index(after: equals) < trimmed.endIndex else { continue }
                pairs.append((Substring(trimmed[..<equals]), Substring(trimmed[trimmed.index(after: equals)...])))
            }
        }
    }

    subscript(name: String) -> String? {
        pairs.first { $0.name.utf8.elementsEqual(name.utf8) }.map { String($0.value) }
    }
}
