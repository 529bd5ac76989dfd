import FieldworkCore
import Testing

/// What counts as a codebook example quoting a passage (erasure removes those).
struct ExampleQuoteTests {
    let passage = "Jag har lampan tänd i hallen hela natten nu, det kostar ju, men det får det göra."

    @Test func quotesAsTypedByHand() {
        #expect(ExampleQuote.quotes("Jag har lampan tänd i hallen hela natten nu, det kostar ju, men det får det göra.", passage: passage))
        #expect(ExampleQuote.quotes("“jag har lampan\n tänd i hallen”", passage: passage))
        #expect(ExampleQuote.quotes("Jag har lampan tänd … det får det göra", passage: passage))
        #expect(ExampleQuote.quotes("[...] hela natten nu [...] det kostar ju...", passage: passage))
        #expect(ExampleQuote.quotes("Det kostar ju", passage: passage))
        // A decomposed å is the same letter.
        #expect(ExampleQuote.quotes("det f\u{61}\u{30A}r det göra", passage: passage))
        #expect(ExampleQuote.quotes("There's a bit by the underpass", passage: "There’s a bit by the underpass where the lights are broken."))
    }

    @Test func otherWordsAreNoQuote() {
        #expect(!ExampleQuote.quotes("Jag har lampan släckt", passage: passage))
        // Pieces in another order than said, or a word only part of one said.
        #expect(!ExampleQuote.quotes("det får det göra … Jag har lampan", passage: passage))
        #expect(!ExampleQuote.quotes("ja", passage: passage))
        #expect(!ExampleQuote.quotes("…", passage: passage))
    }
}
