import FieldworkCore
@testable import FieldworkServices
import Testing

/// The footer says the quotes are anonymous and consented only when the sheet quotes someone
/// (an easy-read sheet with no quotes said "The people quoted said yes"; found by a new user).
@Suite struct HandoutFooterTests {
    static func handout(quotes: [Handout.Quote], withheld: Int) -> Handout {
        Handout(codeID: "need.safety.night", language: "en", easyRead: true, title: "Nights", description: "", station: nil,
                residents: 0, participants: 0, administrations: [], quotes: quotes, quotesWithheld: withheld, solutions: [], questions: [])
    }

    @Test func aSheetWithoutQuotesMakesNoPromiseAboutThem() {
        let footer = HandoutHTMLRenderer.footer(Self.handout(quotes: [], withheld: 1), date: "2026-12-03")
        #expect(!footer.contains("said yes") && footer.hasPrefix("2026-12-03"))
        #expect(footer.contains("1 quote is not shown"))  // what was left out is still said
    }
}
