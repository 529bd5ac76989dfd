import FieldworkCore

extension HandoutTexts {
    /// Klarspråk: the reader is addressed as "du", active verbs, everyday words.
    static let swedish = HandoutTexts(
        languageName: "Svenska",
        quoteMarks: ("”", "”"),
        documentTitle: "Samtalsunderlag",
        kindLabel: [.need: "Tema", .barrier: "Hinder", .precondition: "Det här behöver finnas"],
        quotesHeading: "Så här har boende berättat",
        noQuotes: "Här finns inga citat att visa. Berätta gärna själv hur det är för dig.",
        solutionsHeading: "Idéer att prata om",
        noSolutions: "Det finns inga förslag än. Vad tror ni skulle hjälpa?",
        cost: "Vad det kostar dig: {value}",
        competence: "Vad du behöver kunna: {value}",
        nothing: "ingenting",
        status: [.candidate: "förslag", .piloted: "prövas redan", .rejected: "inte aktuellt"],
        questionsHeading: "Frågor att prata om",
        writeHere: "Plats att skriva svaret",
        defaultQuestions: [
            .need: [
                "När är det här viktigast för dig under en vanlig vecka?",
                "Vem hjälper dig med det i dag? Vem borde hjälpa till?",
                "Vad skulle göra skillnad, med eller utan teknik?",
                "Vad behövs för att du ska lita på en lösning?",
            ],
            .barrier: [
                "När stöter du på det här?",
                "Vad gör du i dag för att klara det ändå?",
                "Vem skulle kunna ta bort hindret?",
                "Vad skulle göra det lättare för dig?",
            ],
            .precondition: [
                "Vad måste finnas på plats för att det ska fungera för dig?",
                "Vem ska se till att det finns?",
                "Hur märker du om det saknas?",
                "Vad är viktigast att tänka på från början?",
            ],
        ],
        needWithSolution: "Skulle ”{solution}” hjälpa? Vad får det aldrig kosta eller kräva av dig?",
        resident: "en boende",
        residentAged: "en boende, {band} år",
        otherPerson: "en deltagare",
        footer: "Citaten är anonyma. Alla som citeras har sagt ja till det.",
        withheld: "{count} citat visas inte, eftersom vi inte har samtycke till dem.",
        withheldOne: "1 citat visas inte, eftersom vi inte har samtycke till det.",
        packLabel: "Workshopmaterial",
        date: "Datum: {date}",
        place: "Plats: {place}",
        agendaHeading: "Program",
        stationsHeading: "Stationer",
        welcome: "Välkommen! Vi berättar vad dagen handlar om.",
        stationItem: "Station {number}: {name}",
        summary: "Vi berättar för varandra vad vi har pratat om.",
        consentHeading: "Om dina svar och citaten",
        consentLines: [
            "Det är frivilligt att vara med. Du kan sluta när du vill, utan att säga varför.",
            "Citaten i materialet kommer från intervjuer. Vi tar bara med citat från personer som har sagt ja till det.",
            "Ingen nämns med namn. Vi skriver till exempel ”en boende”.",
            "Vi skriver ned det ni säger och skriver på lapparna, men inte era namn.",
            "Du kan ta tillbaka ditt ja när du vill. Då använder vi inte dina ord i något nytt material.",
        ],
        contact: "Har du frågor? Kontakta {contact}.",
        easyReadLabel: "Lättläst")

    /// Lättläst: short sentences, one idea per line, no research words.
    static let swedishEasyRead: HandoutTexts = {
        var texts = swedish
        texts.kindLabel = [.need: "Tema", .barrier: "Det här är svårt", .precondition: "Det här behövs"]
        texts.quotesHeading = "Det här har boende sagt"
        texts.noQuotes = "Vi har inga citat om det här."
        texts.solutionsHeading = "En idé"
        texts.noSolutions = "Vi har ingen idé än. Vad tror du hjälper?"
        texts.cost = "Kostar: {value}"
        texts.competence = "Du behöver kunna: {value}"
        texts.nothing = "inget"
        texts.questionsHeading = "Frågor"
        texts.writeHere = "Skriv här"
        texts.defaultQuestions = [
            .need: ["När är det här viktigt för dig?", "Vem hjälper dig i dag?", "Vad skulle hjälpa dig?"],
            .barrier: ["När är det svårt?", "Vad gör du då?", "Vad skulle göra det lättare?"],
            .precondition: ["Vad behöver finnas?", "Vem ska ordna det?", "Hur vet du att det finns?"],
        ]
        texts.needWithSolution = "Skulle ”{solution}” hjälpa dig?"
        texts.footer = "Citaten är anonyma. De som citeras har sagt ja."
        texts.withheld = "{count} citat visas inte. Vi har inte fått ja."
        texts.withheldOne = "1 citat visas inte. Vi har inte fått ja."
        texts.welcome = "Välkommen!"
        texts.summary = "Vi berättar vad vi har pratat om."
        texts.consentHeading = "Om dina svar"
        texts.consentLines = [
            "Du väljer själv om du vill vara med.",
            "Du kan sluta när du vill.",
            "Citaten kommer från intervjuer.",
            "Alla som citeras har sagt ja.",
            "Vi skriver inte ditt namn.",
            "Du kan ändra dig när du vill.",
        ]
        texts.contact = "Frågor? Kontakta {contact}."
        return texts
    }()
}
