import FieldworkCore
@testable import FieldworkExchange
import Testing

struct CodeDescriptionTests {
    @Test func labelledParagraphsRoundTrip() throws {
        let details = CodeDescription(description: "Feeling safe.\n\nAlso by day.", kind: .need, include: "Alarms.",
                                      exclude: "Loneliness.", examples: ["Jag ligger vaken.", "Larmet & <knappen>"])
        let text = try #require(details.text)
        #expect(text.contains("Include: Alarms.") && text.contains("Examples:\n- Jag ligger vaken."))
        #expect(CodeDescription(parsing: text) == details)
    }

    @Test func anotherToolsDescriptionIsAllDescription() {
        let parsed = CodeDescription(parsing: "Anything about jobs\r\n\r\nKind: weather")
        #expect(parsed.description == "Anything about jobs\n\nKind: weather")
        #expect(parsed.kind == nil && parsed.include == nil && parsed.examples.isEmpty)
    }
}
