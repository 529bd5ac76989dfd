import FieldworkCore

extension HandoutTexts {
    /// Plain English: the reader is addressed as "you", active verbs, everyday words.
    static let english = HandoutTexts(
        languageName: "English",
        quoteMarks: ("“", "”"),
        documentTitle: "Conversation sheet",
        kindLabel: [.need: "Theme", .barrier: "Barrier", .precondition: "What has to be in place"],
        quotesHeading: "What residents told us",
        noQuotes: "There are no quotes to show here. Please tell us how it is for you.",
        solutionsHeading: "Ideas to talk about",
        noSolutions: "There are no suggestions yet. What do you think would help?",
        cost: "What it costs you: {value}",
        competence: "What you need to know: {value}",
        nothing: "nothing",
        status: [.candidate: "suggestion", .piloted: "already being tried", .rejected: "not going ahead"],
        questionsHeading: "Questions to talk about",
        writeHere: "Space to write your answer",
        defaultQuestions: [
            .need: [
                "When does this matter most to you in an ordinary week?",
                "Who helps you with it today? Who should help?",
                "What would make a difference, with or without technology?",
                "What would you need to trust a solution?",
            ],
            .barrier: [
                "When do you come up against this?",
                "What do you do today to manage anyway?",
                "Who could take this barrier away?",
                "What would make it easier for you?",
            ],
            .precondition: [
                "What has to be in place for this to work for you?",
                "Who should make sure it is there?",
                "How do you notice when it is missing?",
                "What matters most from the start?",
            ],
        ],
        needWithSolution: "Would “{solution}” help? What must it never cost you or ask of you?",
        resident: "a resident",
        residentAged: "a resident aged {band}",
        otherPerson: "a participant",
        footer: "The quotes are anonymous. Everyone quoted has said yes to it.",
        withheld: "{count} quotes are not shown, because we do not have consent for them.",
        withheldOne: "1 quote is not shown, because we do not have consent for it.",
        packLabel: "Workshop pack",
        date: "Date: {date}",
        place: "Place: {place}",
        agendaHeading: "Programme",
        stationsHeading: "Stations",
        welcome: "Welcome! We explain what the day is about.",
        stationItem: "Station {number}: {name}",
        summary: "We tell each other what we talked about.",
        consentHeading: "About your answers and the quotes",
        consentLines: [
            "Taking part is voluntary. You can stop whenever you want, without saying why.",
            "The quotes in this pack come from interviews. We only use quotes from people who said yes to it.",
            "Nobody is named. We write, for example, “a resident”.",
            "We write down what you say and write on the notes, but not your names.",
            "You can take back your yes whenever you want. Then we do not use your words in anything new.",
        ],
        contact: "Questions? Contact {contact}.",
        easyReadLabel: "Easy read")

    /// Easy read: short sentences, one idea per line, no research words.
    static let englishEasyRead: HandoutTexts = {
        var texts = english
        texts.kindLabel = [.need: "Theme", .barrier: "This is hard", .precondition: "This is needed"]
        texts.quotesHeading = "What residents said"
        texts.noQuotes = "We have no quotes about this."
        texts.solutionsHeading = "An idea"
        texts.noSolutions = "We have no idea yet. What do you think helps?"
        texts.cost = "Costs: {value}"
        texts.competence = "You need to know: {value}"
        texts.questionsHeading = "Questions"
        texts.writeHere = "Write here"
        texts.defaultQuestions = [
            .need: ["When is this important to you?", "Who helps you today?", "What would help you?"],
            .barrier: ["When is it hard?", "What do you do then?", "What would make it easier?"],
            .precondition: ["What needs to be there?", "Who should sort it out?", "How do you know it is there?"],
        ]
        texts.needWithSolution = "Would “{solution}” help you?"
        texts.footer = "The quotes are anonymous. The people quoted said yes."
        texts.withheld = "{count} quotes are not shown. We did not get a yes."
        texts.withheldOne = "1 quote is not shown. We did not get a yes."
        texts.welcome = "Welcome!"
        texts.summary = "We say what we talked about."
        texts.consentHeading = "About your answers"
        texts.consentLines = [
            "You choose if you want to take part.",
            "You can stop when you want.",
            "The quotes come from interviews.",
            "Everyone quoted said yes.",
            "We do not write your name.",
            "You can change your mind at any time.",
        ]
        texts.contact = "Questions? Contact {contact}."
        return texts
    }()
}
