import FieldworkCore
@testable import FieldworkWeb
import Testing

/// `t.html`: the catalogue's text and the values filled into it are escaped; markup the page
/// builds goes in as it is; nothing in a value is taken for a placeholder.
@Suite struct LocalizerTests {
    static let t = Localizer(.en, catalogue: MessageCatalogue(tables: [.en: [
        "shown": "<{who}> & {link}: {count} {unknown} {",
        "twice": "{a} {b}",
    ]]))

    @Test func textIsEscapedAndMarkupIsNot() {
        let link: SafeHTML = "<a href=\"/\">\("it's")</a>"
        let html = Self.t.html("shown", ["who": "<script>\"x\"", "count": "3"], raw: ["link": link])
        #expect(html.rendered == "&lt;&lt;script&gt;&quot;x&quot;&gt; &amp; <a href=\"/\">it&#39;s</a>: 3 {unknown} {")
    }

    @Test func aValueIsNeverFilledAgain() {
        #expect(Self.t.html("twice", ["a": "{b}", "b": "<b>"]).rendered == "{b} &lt;b&gt;")
        #expect(Self.t.html("missing.key").rendered == "missing.key")
    }

    /// A text asked for without values comes escaped from the catalogue, kept once: the same as
    /// filling it, for every message of every language (placeholders kept as written).
    @Test func aTextWithoutValuesIsTheFilledTemplate() {
        for language in InterfaceLanguage.allCases {
            let t = Localizer(language)
            let keys = MessageCatalogue.bundled.tables[language]?.keys.sorted() ?? []
            #expect(keys.count > 100)
            for key in keys {
                // A markup value no template names sends `html` through the fill.
                #expect(t.html(key).rendered == t.html(key, raw: ["\u{0}": SafeHTML()]).rendered, "\(language) \(key)")
            }
        }
        #expect(Self.t.html("shown").rendered == "&lt;{who}&gt; &amp; {link}: {count} {unknown} {")
    }
}
