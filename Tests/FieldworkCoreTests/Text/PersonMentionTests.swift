import FieldworkCore
import Testing

/// What counts as a researcher's note naming an erased participant or quoting their words.
struct PersonMentionTests {
    let mention = PersonMention(participantID: "R07", passages: [
        "Jag har lampan tänd i hallen hela natten nu, det kostar ju, men det får det göra.",
        "Min papegojfisk heter Olle och han är lugn.",
    ])

    @Test func namesThePseudonymAsAWordOfItsOwn() {
        #expect(mention.find(in: "Jämför med R07.") == .names)
        #expect(mention.find(in: "R07:s svar om natten") == .names)
        #expect(mention.find(in: "Unlike r07's view, the others…") == .names)
        #expect(mention.find(in: "(R05, R07, R11)") == .names)
        // Another pseudonym that begins the same, or one inside a longer word, is not them.
        #expect(mention.find(in: "R070 och R17 sa samma sak") == nil)
        #expect(mention.find(in: "se bilaga XR07B") == nil)
    }

    @Test func quotesBetweenQuoteMarksInAnyStyle() {
        #expect(mention.find(in: "Hon säger ”lampan tänd i hallen hela natten” – en kostnadsfråga.") == .quotes)
        #expect(mention.find(in: "She said “min papegojfisk heter Olle” twice.") == .quotes)
        #expect(mention.find(in: "«Jag har lampan tänd … det får det göra»") == .quotes)
        #expect(mention.find(in: "Citat: \"det kostar ju, men det\"") == .quotes)
        // Too few words to be theirs rather than anyone's; another person's words; an unclosed mark.
        #expect(mention.find(in: "Hon sa ”det kostar ju” om allt.") == nil)
        #expect(mention.find(in: "”Vi vill att grannen får en signal”") == nil)
        #expect(mention.find(in: "”lampan tänd i hallen hela natten") == nil)
    }

    @Test func eightWordsInARowAreCopiedEvenWithoutQuoteMarks() {
        #expect(mention.find(in: "Notering: har lampan tänd i hallen hela natten nu, vilket kostar.") == .quotes)
        // Seven of their words in a row, then others: a paraphrase, not a copy.
        #expect(mention.find(in: "Hon har lampan tänd i hallen hela natten, och det är dyrt.") == nil)
    }

    @Test func withoutPassagesOnlyTheNameCounts() {
        let nameOnly = PersonMention(participantID: "S03", passages: [])
        #expect(nameOnly.find(in: "S03 leder gruppen") == .names)
        #expect(nameOnly.find(in: "”lampan tänd i hallen hela natten”") == nil)
    }
}
