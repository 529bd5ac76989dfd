@testable import FieldworkExchange
import Testing

struct XElementTests {
    @Test func escapesMarkupLineBreaksInAttributesAndCharactersXMLCannotHold() {
        let element = XElement("Note", [("name", "a \"b\" & <c>\nd"), ("skipped", nil)],
                               children: [XElement("PlainTextContent", text: "x < y & z\r\n\u{1}👩‍👩‍👧")])
        #expect(element.document() == """
            <?xml version="1.0" encoding="UTF-8"?>
            <Note name="a &quot;b&quot; &amp; &lt;c&gt;&#10;d">
              <PlainTextContent>x &lt; y &amp; z&#13;
            \u{FFFD}👩‍👩‍👧</PlainTextContent>
            </Note>

            """)
    }

    @Test func emptyTextElementsAreLeftOut() {
        #expect(XElement.text("Description", nil).isEmpty)
        #expect(XElement.text("Description", "").isEmpty)
        #expect(XElement.text("Description", "x").count == 1)
    }
}
