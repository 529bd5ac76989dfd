@testable import FieldworkCore
import Foundation
import Testing

/// A participant's turn.
private func turn(_ id: String) -> Attribution { Attribution(participants: [id], basis: .speaker) }

/// Which words a resident's handout quotes, case by case, and how it says who said them.
struct HandoutQuotesTests {
    static func resident(_ id: String, band: String? = nil, scopes: [ConsentScope] = [.interview, .workshop, .quote],
                         withdrawn: String? = nil) -> Participant {
        Participant(id: id, role: .resident, attributes: band.map { ["age_band": $0] } ?? [:],
                    consents: [Consent(id: "c-\(id)", date: "2025-01-01", scopes: scopes, withdrawn: withdrawn)])
    }

    static let register: [Participant] = [
        resident("R01", band: "75-79"),
        resident("R02", band: "30-39"),
        resident("R03", band: "75–79", withdrawn: "2025-06-01"),
        resident("R04", band: "75-79"),
        resident("R05", band: "75-79"),
        resident("R06", band: "75–79", scopes: [.interview, .workshop]),
        Participant(id: "S01", role: .staff, consents: [Consent(id: "c-S01", date: "2025-01-01", scopes: [.interview, .workshop, .quote])]),
        Participant(id: "N01", role: .relative, consents: [Consent(id: "c-N01", date: "2025-01-01", scopes: [.workshop, .quote])]),
    ]

    static func passage(_ words: String, document: DocumentType = .interview, language: String? = nil, _ attribution: Attribution,
                        start: Int = 0) -> CodedPassage {
        let coding = Coding(id: "c-\(words.count)-\(start)", documentID: "d", codeID: "need.x", coder: "anna", memo: nil,
                            anchor: TextQuoteAnchor(quote: words, prefix: "", suffix: "", start: start, end: start + words.count),
                            createdAt: Date(timeIntervalSince1970: 0))
        return CodedPassage(coding: coding, document: DocumentMetadata(id: "d", type: document, title: "T", date: "2025-03-01", language: language),
                            segmentIndex: 0, attribution: attribution)
    }

    static func select(_ passages: [CodedPassage], today: String = "2025-09-01", k: Int = 5, limits: Handout.Limits = .standard) -> HandoutQuotes.Selection {
        HandoutQuotes.select(passages, register: register, consent: ConsentRule(participants: register, today: today), k: k, limits: limits,
                             language: "sv")
    }

    /// One row per kind of passage: is it quoted, and is it counted as withheld for consent?
    @Test(arguments: [
        ("a resident's turn, quote consent", passage("Jag är rädd på natten.", turn("R01")), true, false),
        ("a staff member's turn", passage("Vi har fyrtio minuter körtid.", turn("S01")), false, false),
        ("a relative's turn", passage("Mamma larmar inte.", document: .workshop, turn("N01")), false, false),
        ("a note that names its author (a proposal)", passage("Larmet borde gå till anhöriga (R01)", document: .workshop,
                                                               Attribution(participants: ["R01"], basis: .named)), false, false),
        ("a group's note under its roster", passage("Sensor i golvet", document: .workshop,
                                                    Attribution(participants: ["R01", "R02"], basis: .group, group: "Grupp A")), false, false),
        ("a facilitator's summary (group note)", passage("Gruppen enades om att natten är ensam.", document: .workshop,
                                                         Attribution(participants: [], basis: .groupNote)), false, false),
        ("the interviewer's turn", passage("Hur känns det?", Attribution(participants: [], basis: .nonParticipant)), false, false),
        ("a resident's turn in a Swedish interview", passage("Jag sover dåligt.", language: "sv", turn("R01")), true, false),
        ("a resident's turn in an English interview (the handout is Swedish)", passage("I sleep badly.", language: "en", turn("R01")), false, false),
        ("a resident who withdrew consent", passage("Natten är det värsta.", turn("R03")), false, true),
        ("a resident without quote consent", passage("Jag lyssnar efter steg.", turn("R06")), false, true),
    ] as [(String, CodedPassage, Bool, Bool)])
    func quotesAreResidentsOwnConsentedWords(_ row: (String, CodedPassage, Bool, Bool)) {
        let (name, passage, quoted, withheld) = row
        let selection = Self.select([passage])
        #expect(selection.quotes.map(\.text) == (quoted ? [passage.coding.quote] : []), "\(name)")
        #expect(selection.withheld == (withheld ? 1 : 0), "\(name)")
    }

    @Test func onePersonIsQuotedOnceEvenWithMorePassages() {
        let selection = Self.select([
            Self.passage("Först.", turn("R01"), start: 0), Self.passage("Sedan.", turn("R01"), start: 10),
            Self.passage("Min tur.", turn("R02"), start: 20),
        ])
        #expect(selection.quotes.map(\.text) == ["Först.", "Min tur."])
    }

    @Test func theCountIsLimitedAndEasyReadQuotesFewerAndShorter() {
        let passages = ["R01", "R02", "R04", "R05"].enumerated().map { Self.passage("Mening nummer ett. Och en lång mening som fortsätter och fortsätter tills den inte ryms på en lättläst sida längre.", turn($1), start: $0 * 100) }
        #expect(Self.select(passages).quotes.count == 3)
        let easy = Self.select(passages, limits: .easyRead)
        #expect(easy.quotes.count == 2)
        #expect(easy.quotes.allSatisfy { $0.text == "Mening nummer ett. …" })
    }

    /// "75–79" is said only when at least k residents of the register share the band; "75-79"
    /// and "75–79" are one band. R01, R03, R04, R05 and R06 are 75–79 (five); R02 alone is 30–39.
    @Test(arguments: [
        ("R01", 5, "75–79"), ("R01", 6, nil), ("R02", 5, nil), ("R02", 1, "30–39"),
    ] as [(String, Int, String?)])
    func attributionsNameNoGroupSmallerThanK(_ row: (String, Int, String?)) throws {
        let speaker = try #require(Self.register.first { $0.id == row.0 })
        let attribution = HandoutQuotes.attribution(of: speaker, among: Self.register, k: row.1)
        #expect(attribution == Handout.Attribution(role: .resident, ageBand: row.2))
    }

    @Test func quotesAreRedactedBeforeTheyAreShortened() {
        let long = "Jag heter Anna Svensson och bor här. " + String(repeating: "Mer text om natten. ", count: 20)
        let selection = HandoutQuotes.select([Self.passage(long, turn("R01"))], register: Self.register,
                                             consent: ConsentRule(participants: Self.register, today: "2025-09-01"), k: 5,
                                             limits: .standard, redact: { $0.replacingOccurrences(of: "Anna Svensson", with: "[R01]") })
        #expect(selection.quotes.first?.text.hasPrefix("Jag heter [R01] och bor här.") == true)
        #expect(selection.quotes.first?.text.hasSuffix("…") == true)
        #expect((selection.quotes.first?.text.count ?? 0) <= Handout.Limits.standard.quoteLength)
    }

    @Test(arguments: [
        ("Kort.", 20, "Kort."),
        ("Ett. Två! Tre? Fyra.", 12, "Ett. Två! …"),
        ("ett två tre fyra fem sex", 12, "ett två …"),
        ("Hon sa ”nej.” Sedan gick hon.", 18, "Hon sa ”nej.” …"),
        ("rad ett\n\nrad två", 40, "rad ett rad två"),
    ] as [(String, Int, String)])
    func excerptsKeepWholeSentencesOrWords(_ row: (String, Int, String)) {
        #expect(QuoteExcerpt.shorten(row.0, to: row.1) == row.2)
    }
}
