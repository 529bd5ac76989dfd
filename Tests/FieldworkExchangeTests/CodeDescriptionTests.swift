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

    @Test func workshopQuestionsTravelPlainAndPerLanguage() throws {
        var plain = Code(id: "need.food", name: "Food", kind: .need, examples: ["Jag äter ensam."])
        plain.questions = ["Vem lagar maten?", "När äter du?"]
        let plainText = try #require(CodeDescription(plain).text)
        #expect(plainText.contains("Examples:\n- Jag äter ensam.\n\nQuestions:\n- Vem lagar maten?\n- När äter du?"), "\(plainText)")
        #expect(CodeDescription(parsing: plainText).questions == plain.questions)

        var translated = Code(id: "need.safety.night", name: "Trygg natt", kind: .need)
        translated.questions = ["Vad gör natten otrygg?"]
        translated.translations = ["sv": CodeTranslation(name: "Trygg natt", questions: ["Vad gör natten otrygg?"]),
                                   "en": CodeTranslation(name: "Safe night", questions: ["What makes the night unsafe?", "Who answers?"])]
        let text = try #require(CodeDescription(translated).text)
        // The code's own language first, as the codebook writes it.
        #expect(text.contains("Questions (sv):\n- Vad gör natten otrygg?\n\nQuestions (en):\n- What makes the night unsafe?\n- Who answers?"), "\(text)")
        let read = CodeDescription(parsing: text)
        #expect(read.questions == ["Vad gör natten otrygg?"])
        #expect(read.translations["en"]?.questions == ["What makes the night unsafe?", "Who answers?"])
        #expect(read.translations["sv"]?.questions == ["Vad gör natten otrygg?"])
        // Questions are no description.
        #expect(read.description == nil)
    }
}
