import FieldworkCore
import Testing

/// Escaping by default: interpolated text is escaped, literals and other `SafeHTML` are not.
@Suite struct SafeHTMLTests {
    @Test func interpolatedTextIsEscaped() {
        let name = "<script>alert('x')</script> & \"quotes\""
        let html: SafeHTML = "<h2 title=\"\(name)\">\(name)</h2>"
        #expect(html.rendered == "<h2 title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</h2>")
    }

    @Test func nestedMarkupIsNotEscapedTwice() {
        let item: SafeHTML = "<li>\("a < b")</li>"
        let list: SafeHTML = "<ul>\([item, item])</ul>"
        #expect(list.rendered == "<ul><li>a &lt; b</li><li>a &lt; b</li></ul>")
    }

    @Test func numbersAndSubstringsAndJoining() {
        let words = "x&y z".split(separator: " ")
        let html: SafeHTML = "<p>\(3) \(words[0]) \(1.5)</p>"
        #expect(html.rendered == "<p>3 x&amp;y 1.5</p>")
        let joined = ["a", "<b>"].map { SafeHTML(text: $0) }.joined(separator: ", ")
        #expect(joined.rendered == "a, &lt;b&gt;")
    }

    @Test func onlyTrustedMarkupGoesInRaw() {
        var page = SafeHTML(trusted: "<em>from cmark</em>")
        page += "<br>"
        page += SafeHTML(text: "<i>")
        #expect(page.rendered == "<em>from cmark</em><br>&lt;i&gt;")
        #expect(SafeHTML().isEmpty)
    }

    @Test func absentTextIsNothingAndConditionalMarkupIsMarkup() {
        let missing: String? = nil, present: String? = "<b>"
        let chosen = true, other = false
        let html: SafeHTML = "<option\(if: chosen, " selected")\(if: other, " disabled")>\(missing)\(present)</option>"
        #expect(html.rendered == "<option selected>&lt;b&gt;</option>")
    }

    /// A snippet's text is escaped and only its match marks become markup.
    @Test func aSearchSnippetMarksMatchesInEscapedText() {
        let snippet = "a <b> \(SearchHit.matchStart)natten & \"x\"\(SearchHit.matchEnd) '"
        let hit = SearchHit(documentID: "d", documentTitle: "t", documentType: .note, documentDate: nil, segmentIndex: 0, speaker: nil, heading: nil, start: 0, end: 1, snippet: snippet, rank: 0)
        #expect(hit.snippetHTML(marking: "<mark>", "</mark>").rendered == "a &lt;b&gt; <mark>natten &amp; &quot;x&quot;</mark> &#39;")
        #expect(hit.snippet(marking: "[", "]") == "a <b> [natten & \"x\"] '")
    }
}
