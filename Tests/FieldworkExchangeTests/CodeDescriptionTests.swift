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

    @Test func theCodeIdTravelsLastAndOnlyAValidIdIsReadBack() throws {
        let code = Code(id: "need.safety.night", name: "At night", kind: .need, description: "Nights.")
        let text = try #require(CodeDescription(code).text)
        #expect(text == "Nights.\n\nKind: need\n\nCode id: need.safety.night")
        #expect(CodeDescription(parsing: text).id == "need.safety.night" && CodeDescription(parsing: text).description == "Nights.")
        // Another tool's words that only look like the label stay the description.
        let foreign = CodeDescription(parsing: "Code id: Nattlig oro!")
        #expect(foreign.id == nil && foreign.description == "Code id: Nattlig oro!")
    }

    @Test func anotherToolsDescriptionIsAllDescription() {
        let parsed = CodeDescription(parsing: "Anything about jobs\r\n\r\nKind: weather")
        #expect(parsed.description == "Anything about jobs\n\nKind: weather")
        #expect(parsed.kind == nil && parsed.include == nil && parsed.examples.isEmpty)
    }
}
