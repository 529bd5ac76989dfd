@testable import FieldworkCore
import Foundation
import Testing

/// Quotes chosen by hand: printed in the order chosen, held to the rules every quote is held to,
/// and what a rule leaves out is said with its reason.
struct ChosenQuotesTests {
    private static func turn(_ id: String) -> Attribution { Attribution(participants: [id], basis: .speaker) }

    /// R01 twice, R02, R04, R03 (withdrew), S01 (staff): ids c-LENGTH-START.
    static let passages: [CodedPassage] = [
        HandoutQuotesTests.passage("Först på natten.", turn("R01"), start: 0),
        HandoutQuotesTests.passage("Sedan på morgonen.", turn("R01"), start: 100),
        HandoutQuotesTests.passage("Min tur att säga.", turn("R02"), start: 200),
        HandoutQuotesTests.passage("Jag vill ha ett larm.", turn("R04"), start: 300),
        HandoutQuotesTests.passage("Natten är det värsta.", turn("R03"), start: 400),
        HandoutQuotesTests.passage("Vi har fyrtio minuter.", turn("S01"), start: 500),
    ]

    static func select(_ chosen: [String]?, limits: Handout.Limits = .standard) -> HandoutQuotes.Selection {
        let register = HandoutQuotesTests.register
        return HandoutQuotes.select(passages, register: register, consent: ConsentRule(participants: register, today: "2025-09-01"), k: 5,
                                    limits: limits, language: "sv", chosen: chosen)
    }

    @Test func withoutAChoiceTheHandoutTakesEachPersonsFirstPassage() {
        let selection = Self.select(nil)
        #expect(selection.quotes.map(\.text) == ["Först på natten.", "Min tur att säga.", "Jag vill ha ett larm."])
        #expect(selection.leftOut.isEmpty)
    }

    @Test func chosenQuotesArePrintedInTheOrderChosen() {
        // R01's second passage, then R04's, by full id and by prefix.
        let selection = Self.select([Self.passages[1].coding.id, "c-21-3"])
        #expect(selection.quotes.map(\.text) == ["Sedan på morgonen.", "Jag vill ha ett larm."])
        #expect(selection.leftOut.isEmpty)
    }

    @Test func aChoiceThatBreaksARuleIsLeftOutWithItsReason() {
        let ids = Self.passages.map(\.coding.id)
        let selection = Self.select([ids[4], ids[5], ids[0], ids[1], "c-nope", "c-1"], limits: .standard)
        #expect(selection.quotes.map(\.text) == ["Först på natten."])
        #expect(selection.leftOut == [
            ChosenQuotes.LeftOut(id: "c-nope", reason: .notOnTheme),
            ChosenQuotes.LeftOut(id: "c-1", reason: .ambiguous(["c-16-0", "c-17-200", "c-18-100"])),
            ChosenQuotes.LeftOut(id: ids[4], reason: .noConsent),
            ChosenQuotes.LeftOut(id: ids[5], reason: .notAResidentsTurn),
            ChosenQuotes.LeftOut(id: ids[1], reason: .samePerson),
        ])
        #expect(selection.leftOut.filter(\.reason.isMistake).count == 2)
        // Withheld counts what consent keeps out, chosen or not: R03's passage.
        #expect(selection.withheld == 1)
    }

    @Test func theEasyReadPageHoldsTwo() {
        let ids = Self.passages.map(\.coding.id)
        let selection = Self.select([ids[0], ids[2], ids[3]], limits: .easyRead)
        #expect(selection.quotes.count == 2)
        #expect(selection.leftOut == [ChosenQuotes.LeftOut(id: ids[3], reason: .noRoom(2))])
    }

    @Test func theChoicesAreEveryQuotablePassageNotOnePerPerson() {
        let register = HandoutQuotesTests.register
        let choices = HandoutQuotes.choices(Self.passages, register: register, consent: ConsentRule(participants: register, today: "2025-09-01"),
                                            limits: .standard, language: "sv")
        #expect(choices.map(\.text) == ["Först på natten.", "Sedan på morgonen.", "Min tur att säga.", "Jag vill ha ett larm."])
        #expect(choices.map(\.speaker) == ["R01", "R01", "R02", "R04"])
    }

    @Test func theSameWordsCodedBySeveralCodersAreOneChoiceThatCountsThem() {
        let register = HandoutQuotesTests.register
        var again = Self.passages[0]
        again.coding.id = "c-bo"
        again.coding.coder = "bo"
        var sameCoderOtherCode = Self.passages[0]
        sameCoderOtherCode.coding.id = "c-anna-2"
        let choices = HandoutQuotes.choices([Self.passages[0], again, sameCoderOtherCode, Self.passages[2]], register: register,
                                            consent: ConsentRule(participants: register, today: "2025-09-01"), limits: .standard, language: "sv")
        #expect(choices.map(\.codingID) == [Self.passages[0].coding.id, Self.passages[2].coding.id])
        #expect(choices.map(\.coders) == [2, 1])
    }

    /// The command line names a language as the browser does ("its document is in 'sv'" read as
    /// a code to look up; found by a new user).
    @Test func aQuoteInAnotherLanguageIsLeftOutNamingTheLanguage() {
        #expect(ChosenQuotes.Reason.otherLanguage("sv").english(theme: "need") == "its document is in Swedish, not the handout's language")
        #expect(ChosenQuotes.Reason.otherLanguage("EN").english(theme: "need").hasPrefix("its document is in English,"))
        #expect(ChosenQuotes.Reason.otherLanguage("fi").english(theme: "need").hasPrefix("its document is in 'fi',"))
    }
}
