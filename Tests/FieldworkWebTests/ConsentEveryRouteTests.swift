import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The consent rule over every page and API route: a workspace where each participant has a
/// different consent state and says one word nobody else says, coded by two coders; every route
/// must show exactly the words of those whose consent allows it today (quotes: `quote` too).
@Suite struct ConsentEveryRouteTests {
    static let people: [ConsentStates.Person] = ConsentStates.basic + [
        // A receipt whose amendment dropped quote after the interview: words yes, quotes no.
        ("R26", """
            - id: c6
                    scopes: [interview, quote]
                    events:
                      - {event: given, date: 2025-01-01, by: Anna, how: form}
                      - {event: amended, date: 2025-05-01, by: Anna, how: phone, scopes: [interview]}
            """, true, false),
        // A receipt withdrawn through its event history.
        ("R27", """
            - id: c7
                    notice: {version: "1", language: sv, variant: easy-read}
                    scopes: [interview, quote]
                    events:
                      - {event: given, date: 2025-01-01, by: Anna, how: form}
                      - {event: withdrawn, date: 2025-04-01, by: Bo, how: letter}
            """, false, false),
        // No consent recorded at all.
        ("R28", "[]", false, false),
    ]

    static func word(_ id: String) -> String { "ordet\(id.lowercased())x" }

    static func fixture() async throws -> WebFixture {
        var participants = "participants:\n"
        var turns = ""
        for person in people {
            participants += "  - id: \(person.id)\n    role: resident\n    administrations: [social]\n    attributes: {age_band: \"30-39\"}\n"
            participants += person.consent == "[]" ? "    consents: []\n" : "    consents:\n      \(person.consent)\n"
            turns += "**\(person.id):** Jag säger \(word(person.id)) om natten och larmet.\n\n"
        }
        // Codebook examples quote each of them: shown as consent allows their words.
        let examples = people.map { "\"… säger \(word($0.id)) om natten …\"" }.joined(separator: ", ")
        let fixture = try await WebFixture(files: [
            "corpus/participants.yaml": participants,
            "codebooks/codebook.yaml": """
                title: Codebook
                codes:
                  - {id: need, name: Needs, kind: need, children: [{id: need.safety, name: Safety at home, examples: [\(examples)]}, {id: need.sleep, name: Sleep}]}
                """,
            "corpus/int-021.md": """
                ---
                id: int-021
                type: interview
                title: Nätter
                date: 2025-03-12
                participants: [\(people.map(\.id).joined(separator: ", "))]
                ---

                """ + turns,
        ])
        for segment in try await fixture.context.store.segments(documentID: "int-021") {
            _ = try await fixture.context.codings.add(document: "int-021", span: segment.start..<segment.end, code: "need.safety", coder: "Anna")
            _ = try await fixture.context.codings.add(document: "int-021", span: segment.start..<segment.end, code: "need.sleep", coder: "Bo")
        }
        return fixture
    }

    /// Every page and API route that can show a participant's words or count them, and whether
    /// it quotes (handouts, needs) or shows words in researcher views. The access tests check
    /// the same list.
    static let routes: [(uri: String, quoting: Bool)] = [
        ("/documents/int-021", false), ("/api/documents/int-021", false), ("/documents/int-021/print", false),
        ("/search?q=natten", false), ("/api/search?q=natten", false),
        ("/retrieval?code=need", false), ("/api/retrieval?code=need", false), ("/api/retrieval.csv?code=need", false),
        ("/needs", true), ("/needs/need.safety", true), ("/api/needs", true), ("/api/needs/need.safety", true),
        ("/handouts/need.safety", true),
        ("/agreement", false), ("/api/agreement", false), ("/disagreements", false), ("/api/disagreements", false),
        ("/cooccurrence", false), ("/api/cooccurrence", false), ("/cooccurrence/passages?a=need.safety&b=need.sleep", false),
        ("/matrix", false), ("/matrix/passages?rows=participant&row=R21&code=need.safety", false),
        ("/matrix/passages?rows=document&row=int-021&code=need.safety", false),
        ("/actors", false), ("/api/codings", false), ("/codebook", false), ("/api/codebook", false),
    ]

    @Test func everyRouteShowsOnlyTheWordsConsentAllowsToday() async throws {
        let fixture = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let routes = Self.routes
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for route in routes {
                try await client.execute(uri: route.uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(route.uri)")
                    let body = String(buffer: response.body)
                    for person in Self.people {
                        // Routes that never print transcript words (counts) must not either.
                        let shows = body.contains(Self.word(person.id))
                        let allowed = route.quoting ? person.quotes : person.words
                        if !allowed { #expect(!shows, "\(route.uri): \(person.id) must be withheld") }
                    }
                }
            }
            // Where words are shown, the allowed ones are there.
            for uri in ["/documents/int-021", "/api/documents/int-021", "/retrieval?code=need", "/api/retrieval.csv?code=need",
                        "/search?q=natten", "/codebook", "/api/codebook"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    let body = String(buffer: response.body)
                    for person in Self.people where person.words {
                        #expect(body.contains(Self.word(person.id)), "\(uri): \(person.id) must be shown")
                    }
                }
            }
            for uri in ["/needs/need.safety", "/handouts/need.safety"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    let body = String(buffer: response.body)
                    // Up to three quotes: the quotable people are R21, R25 (and nobody else).
                    #expect(body.contains(Self.word("R21")) && body.contains(Self.word("R25")), "\(uri)")
                }
            }
            // Counts over segments leave the withheld people's segments out and say so, in counts.
            try await client.execute(uri: "/api/cooccurrence", method: .get, headers: browser.headers) { response in
                let body = try #require(jsonObject(response.body))
                let allowed = Self.people.filter(\.words).count
                #expect(body["coded_segments"] as? Int == allowed)
                let consent = try #require(body["consent"] as? [String: Any])
                let withheld = try #require((consent["withheld"] as? [[String: Any]])?.first)
                #expect(withheld["unit"] as? String == "segments" && withheld["total"] as? Int == Self.people.count - allowed)
                #expect(!String(buffer: response.body).contains("R22"))
            }
            try await client.execute(uri: "/api/agreement", method: .get, headers: browser.headers) { response in
                let body = try #require(jsonObject(response.body))
                let overall = try #require(body["overall"] as? [String: Any])
                // Each coder applied one code to each allowed segment: units = segments × 2 codes.
                #expect(overall["units"] as? Int == Self.people.filter(\.words).count * 2)
                #expect(String(buffer: response.body).contains("\"consent_date\""))
            }
            try await client.execute(uri: "/agreement", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("withheld: consent — consent applied"))
            }
            // Last, as it merges a code: a codebook edit answers with the code as shown: its withheld examples as markers.
            for (uri, method, fields) in [("/api/codebook/codes/need.safety", HTTPRequest.Method.patch, ["description": "Trygghet"]),
                                        ("/api/codebook/codes/need.sleep/merge", .post, ["into": "need.safety"])] {
                try await client.execute(uri: uri, method: method, headers: browser.writeHeaders, body: try body(fields)) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let text = String(buffer: response.body)
                    for person in Self.people { #expect(text.contains(Self.word(person.id)) == person.words, "\(uri): \(person.id)") }
                }
            }
        }
    }

    /// The notes counting what was withheld speak the page's language, units and reasons
    /// included (found by a new user: "undanhållet: samtycke – 1 withheld (consent withdrawn: 1)").
    @Test func theWithheldNotesSpeakThePagesLanguage() async throws {
        let fixture = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let withheld = Self.people.filter { !$0.words }.count
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            let notes: [(uri: String, english: String, svenska: String)] = [
                ("/search?q=natten", "withheld: consent — \(withheld) passages (", "undanhållet: samtycke – \(withheld) passager ("),
                ("/matrix", "withheld: consent — ", "undanhållet: samtycke – "),
                ("/agreement", "withheld: consent — consent applied ", "undanhållet: samtycke – samtycke tillämpat "),
                ("/cooccurrence", "consent applied ", "samtycke tillämpat "),
                ("/disagreements", "\(withheld) segments (", "\(withheld) segment ("),
                ("/actors", "consent applied ", "samtycke tillämpat "),
            ]
            for note in notes {
                try await client.execute(uri: note.uri, method: .get, headers: browser.headers) { response in
                    #expect(String(buffer: response.body).contains(note.english), "\(note.uri) in English")
                }
                try await client.execute(uri: note.uri, method: .get, headers: swedish) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains(note.svenska), "\(note.uri) in Swedish")
                    #expect(body.contains("samtycket återkallat"), "\(note.uri): the reason in Swedish")
                    #expect(!body.contains(" withheld") && !body.contains("consent withdrawn"), "\(note.uri): English in a Swedish note")
                }
            }
            // The codebook's examples that quote withheld words: the marker in place, in the page's language.
            try await client.execute(uri: "/codebook", method: .get, headers: swedish) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("<li class=\"withheld\">undanhållet: samtycke (samtycket återkallat)</li>"))
                #expect(body.contains("<li class=\"withheld\">undanhållet: samtycke (inget samtycke för detta material)</li>"))
                #expect(!body.contains("consent withdrawn"))
                // An example shown, in Swedish quotation marks (the page used English ones).
                #expect(body.contains("<li>”… säger \(Self.word("R21")) om natten …”</li>"))
            }
            // The code picker's list in Swedish: the marker said in Swedish too (it stayed English).
            try await client.execute(uri: "/api/codebook?lang=sv", method: .get, headers: swedish) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("undanhållet: samtycke (samtycket återkallat)") && !body.contains("consent withdrawn"))
            }
        }
    }
}
