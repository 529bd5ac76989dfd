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
}
