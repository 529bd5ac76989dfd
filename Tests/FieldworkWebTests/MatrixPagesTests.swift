import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The code × case page, its cells' passages, the co-occurrence cells' passages, and the pages a
/// blind pass narrows by `coder=` (marked `data-coder-scoped`).
@Suite struct MatrixPagesTests {
    /// The sample with two coders' codings (AgreementAPITests.code), and a signed-in browser.
    static func signedInWithCodings(_ body: @escaping @Sendable (WebFixture, any TestClientProtocol, Browser) async throws -> Void) async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.app().test(.router) { client in
            try await body(fixture, client, try await Browser.signIn(client, token: fixture.token))
        }
    }

    /// A coder whose codes never meet on a passage (a blind pass's first codings) saw an empty
    /// grid and a table of headings with nothing to say so.
    @Test func coOccurrenceWithNoPairSaysSo() async throws {
        try await Self.signedInWithCodings { fixture, client, browser in
            let segments = try await fixture.context.store.segments(documentID: "int-003")
            _ = try await fixture.context.codings.add(document: "int-003", span: segments[1].start..<(segments[1].start + 6),
                                                      code: "barrier", coder: "Cleo")
            let alone = try await client.execute(uri: "/cooccurrence?coder=Cleo", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            #expect(alone.contains("No two codes apply to the same passage yet (by Cleo).") && !alone.contains("<svg"))
            let pairs = try await client.execute(uri: "/cooccurrence?coder=Bo", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            #expect(!pairs.contains("No two codes apply") && pairs.contains("<svg"))
        }
    }

    /// Participant roles are register values; pages show them in the interface language (the
    /// Swedish matrix used to say "resident" in its role column).
    @Test func rolesAreShownInTheInterfaceLanguage() async throws {
        try await Self.signedInWithCodings { fixture, client, browser in
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            func page(_ path: String, _ headers: HTTPFields) async throws -> String {
                try await client.execute(uri: path, method: .get, headers: headers) { String(buffer: $0.body) }
            }
            let matrix = try await page("/matrix", swedish)
            #expect(matrix.contains("<td>boende</td>"))
            for role in ParticipantRole.allCases { #expect(!matrix.contains("<td>\(role.rawValue)</td>"), "\(role)") }
            #expect(try await page("/matrix", browser.headers).contains("<td>resident</td>"))
            let need = try await page("/needs/need.safety.night", swedish)
            #expect(need.contains("1 boende (R01)"))
            #expect(!need.contains("resident"))
            #expect(try await page("/needs/need.safety.night", browser.headers).contains("1 resident (R01)"))
        }
    }

    /// Participant attributes as columns beside the role (issue 13 part 7), chosen with checkboxes
    /// that stay checked; only participant rows carry them.
    @Test func participantAttributesAsColumns() async throws {
        try await Self.signedInWithCodings { fixture, client, browser in
            var english = browser.headers
            english[.acceptLanguage] = "en"
            try await client.execute(uri: "/matrix?rows=participant&attribute=age_band&attribute=living_situation", method: .get,
                                     headers: english) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<input type=\"checkbox\" name=\"attribute\" value=\"age_band\" checked> age_band"))
                #expect(html.contains("<input type=\"checkbox\" name=\"attribute\" value=\"gender\"> gender"))
                #expect(html.contains("<th scope=\"col\" class=\"attribute\">age_band</th><th scope=\"col\" class=\"attribute\">living_situation</th>"))
                #expect(html.contains("<tr><th scope=\"row\">R01</th><td>resident</td><td class=\"attribute\">75-79</td><td class=\"attribute\">alone</td>"))
                // The cell links keep the columns, so the way back shows them again.
                #expect(html.contains("&amp;attribute=age_band&amp;attribute=living_situation"))
            }
            try await client.execute(uri: "/matrix?rows=document&attribute=age_band", method: .get, headers: english) { response in
                #expect(!String(buffer: response.body).contains("class=\"attribute\""))
            }
        }
    }

    /// The pages main added speak Swedish too: the matrix, its cell's passages, the co-occurrence
    /// cell's passages and the audit log, each with its nav entry, and no English left on them.
    @Test func theMatrixPassagesAndAuditPagesSpeakSwedish() async throws {
        try await Self.signedInWithCodings { fixture, client, browser in
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            let pages: [(String, [String])] = [
                ("/matrix", ["<a href=\"/matrix\" aria-current=\"page\">Kod × fall</a>", "<h1>Kod × fall</h1>",
                             "<caption>Kodningar per kod och deltagare</caption>", ">Deltagarattribut: living_situation</option>",
                             "aria-label=\"3 kodningar: ", "<th scope=\"col\">Roll</th>"]),
                ("/matrix?rows=administration", ["<caption>Kodningar per kod och förvaltning</caption>"]),
                ("/matrix/passages?rows=participant&row=R01&code=barrier",
                 ["<p class=\"count\">3 kodningar</p>", ">Tillbaka till matrisen</a>", "som räknas för deltagare <strong>R01</strong>"]),
                ("/cooccurrence/passages?a=need.safety.night&b=barrier",
                 ["Segment där båda koderna används av någon kodare.", ">Tillbaka till samförekomst</a>", "<p class=\"count\">1 passage</p>"]),
                ("/audit", ["<a href=\"/audit\" aria-current=\"page\">Granskningslogg</a>", "<h1>Granskningslogg</h1>", "hashkedjan är obruten"]),
            ]
            for (path, phrases) in pages {
                try await client.execute(uri: path, method: .get, headers: swedish) { response in
                    #expect(response.status == .ok, "\(path)")
                    let html = String(buffer: response.body)
                    for phrase in phrases { #expect(html.contains(phrase), "\(path): \(phrase)") }
                    for english in ["Code × case", "Back to", " passages", "Codings per", "Participant", "Segments to which", ">Audit<", "When (UTC)"] {
                        #expect(!html.contains(english), "\(path): \(english)")
                    }
                }
            }
        }
    }

    @Test func theMatrixPageCountsPerRowAndEachCellOpensItsPassages() async throws {
        try await Self.signedInWithCodings { fixture, client, browser in
            try await client.execute(uri: "/matrix", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/matrix\" aria-current=\"page\">Code × case</a>"))
                #expect(html.contains("data-coder-scoped"))
                #expect(html.contains("<caption>Codings per code and participant</caption>"))
                #expect(html.contains("<option value=\"attribute:living_situation\">Participant attribute: living_situation</option>"))
                // R01: barrier by Anna and Bo in turn 1 and by Bo in turn 2; need.safety.night by both in turn 1.
                #expect(html.contains("<tr><th scope=\"row\">R01</th><td>resident</td>"))
                #expect(html.contains("<a href=\"/matrix/passages?rows=participant&amp;row=R01&amp;code=barrier\" aria-label=\"3 codings: "))
                #expect(html.contains("<a href=\"/matrix/passages?rows=participant&amp;row=R01&amp;code=need.safety.night\" aria-label=\"2 codings: "))
                #expect(!html.contains("style="))
            }
            try await client.execute(uri: "/matrix/passages?rows=participant&row=R01&code=barrier", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<p class=\"count\">3 codings</p>"))
                #expect(html.components(separatedBy: "<li><p class=\"source\">").count == 4)
                #expect(html.contains("<a href=\"/matrix?rows=participant\">Back to the matrix</a>"))
            }
            // One coder's codings; documents as rows; a participant attribute's values as rows.
            try await client.execute(uri: "/matrix?rows=participant&coder=Bo", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("row=R01&amp;code=barrier&amp;coder=Bo\" aria-label=\"2 codings: "))
            }
            try await client.execute(uri: "/matrix?rows=document", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<tr><th scope=\"row\">int-001</th>"))
                #expect(html.contains("rows=document&amp;row=int-001&amp;code=barrier\" aria-label=\"3 codings: "))
            }
            try await client.execute(uri: "/matrix?rows=attribute%3Aliving_situation&coder=Anna", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<caption>Codings per code and value of living_situation</caption>"))
                #expect(html.contains("rows=attribute%3Aliving_situation&amp;row=alone&amp;code=need.safety.night&amp;coder=Anna\" aria-label=\"1 coding: "))
            }
            try await client.execute(uri: "/matrix/passages?rows=attribute%3Aliving_situation&row=alone&code=need.safety.night&coder=Anna",
                                     method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<p class=\"count\">1 coding</p>"))
            }
            try await client.execute(uri: "/matrix?rows=nonsense", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
            // An attribute no participant has: refused with the nearest keys, not a table whose
            // every coding counts for no row (found by a new user); its cells' passages too.
            for uri in ["/matrix?rows=attribute%3Aliving_situaton", "/matrix/passages?rows=attribute%3Aliving_situaton&row=alone&code=barrier"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .unprocessableContent, "\(uri)")
                    #expect(String(buffer: response.body).contains(
                        "no participant attribute &#39;living_situaton&#39; in corpus/participants.yaml; did you mean living_situation"), "\(uri)")
                }
            }
        }
    }

    @Test func aHeatMapCellOpensTheSegmentsWithBothCodes() async throws {
        let fixture = try await WebFixture()
        let turns = try await AgreementAPITests.code(fixture)
        let text = try #require(try await fixture.context.store.document(id: "int-001")).plainText
        let firstTurn = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(turns[0].start).prefix(turns[0].end - turns[0].start)))
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let link = "/cooccurrence/passages?a=need.safety.night&amp;b=barrier&amp;coder=Anna"
            try await client.execute(uri: "/cooccurrence?coder=Anna", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-coder-scoped"))
                // Both halves of the map and the table's cell link to the pair's passages.
                #expect(html.components(separatedBy: "<a href=\"\(link)\"").count == 4)
            }
            try await client.execute(uri: link.replacingOccurrences(of: "&amp;", with: "&"), method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<p class=\"count\">1 passage</p>"))
                #expect(html.contains("<a href=\"/documents/int-001#s\(turns[0].start)\">"))
                #expect(html.contains("<blockquote>\(HTMLEscaping.escape(firstTurn))</blockquote>"))
                #expect(html.components(separatedBy: ": Anna</li>").count == 3)  // each code, by Anna
            }
            // Anyone's codings: the same segment once, with both coders named.
            try await client.execute(uri: "/cooccurrence/passages?a=need.safety.night&b=barrier", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<p class=\"count\">1 passage</p>"))
                #expect(html.contains(": Anna, Bo</li>"))
            }
            try await client.execute(uri: "/cooccurrence/passages?a=need.safety.night", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func pagesThatListCodingsAreNarrowedByCoder() async throws {
        try await Self.signedInWithCodings { fixture, client, browser in
            for uri in ["/retrieval", "/orphans", "/matrix", "/cooccurrence"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(String(buffer: response.body).contains("data-coder-scoped"), "\(uri)")
                }
            }
            for uri in ["/agreement", "/codebook", "/"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(!String(buffer: response.body).contains("data-coder-scoped"), "\(uri)")
                }
            }
            try await client.execute(uri: "/orphans?coder=Bo", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("Coded by Bo only"))
            }
        }
    }
}
