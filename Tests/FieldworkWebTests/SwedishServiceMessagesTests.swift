import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Swedish pages showed the codebook editor's refusals and the audit log's detail names in
/// English: the services now give them as data, and the web edge words them from the catalogues.
@Suite struct SwedishServiceMessagesTests {
    @Test func aRefusedCodebookEditAndTheAuditDetailsAreInTheRequestsLanguage() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            _ = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "emotion.relief", coder: "Anna")
            var swedish = browser.writeHeaders
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            for (id, words) in [("emotion.relief", "'emotion.relief' har 1 kodning; slå ihop den med en annan kod i stället"),
                                ("need", "koder under sig; flytta eller ta bort dem först")] {
                try await client.execute(uri: "/api/codebook/codes/\(id)", method: .delete, headers: swedish) { response in
                    #expect(response.status == .unprocessableContent, "\(id)")
                    let detail = jsonObject(response.body)?["detail"] as? String
                    #expect(detail?.contains(words) == true, "\(id): \(detail ?? "")")
                }
            }
            try await client.execute(uri: "/api/codebook/codes/emotion.relief/merge", method: .post, headers: swedish,
                                     body: try body(["into": "emotion.relief"])) { response in
                #expect(jsonObject(response.body)?["detail"] as? String == "En kod kan inte slås ihop med sig själv.")
            }
            // The same refusal in English for an English browser.
            try await client.execute(uri: "/api/codebook/codes/emotion.relief", method: .delete, headers: browser.writeHeaders) { response in
                #expect((jsonObject(response.body)?["detail"] as? String)?.contains("'emotion.relief' has 1 coding; merge it") == true)
            }

            // An audit entry with details, then the audit page in Swedish names them in Swedish.
            try await client.execute(uri: "/api/codebook/codes/theme.dignity", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            let page = browser.swedishHeaders
            try await client.execute(uri: "/audit", method: .get, headers: page) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<span class=\"key\" data-key=\"operation\">åtgärd</span> delete"), "\(html)")
                #expect(html.contains("<span class=\"key\" data-key=\"code\">kod</span> theme.dignity"))
                #expect(!html.contains(">operation</span>"))
            }
        }
    }

    /// The consent entries of the audit log said their changes in English on the Swedish page
    /// ("c-r01-2 withdrawn 2025-09-01 (workshop share-anonymised)", found by a new user).
    @Test func consentChangesOnTheAuditPageAreInThePagesLanguage() async throws {
        let fixture = try await WebFixture()
        let register = fixture.root.appending(path: "corpus/participants.yaml")
        let text = try String(contentsOf: register, encoding: .utf8)
        try Data((text.replacingOccurrences(of: "          - {event: given, date: 2025-05-06, by: Bo, how: signed paper form}\n", with: """
                      - {event: given, date: 2025-05-06, by: Bo, how: signed paper form}
                      - {event: withdrawn, date: 2025-09-01, by: Bo, how: phone}

            """) + """

              - id: R99
                role: resident
                administrations: [social]
                consents:
                  - {id: c-r99, date: 2025-10-01, scopes: [interview, quote]}

            """).utf8).write(to: register)
        #expect(try await fixture.context.ingest.ingest().succeeded)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let swedish = browser.swedishHeaders
            try await client.execute(uri: "/audit", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("c-r01-2 återkallat 2025-09-01 (workshop anonymiserad delning)"), "\(html)")
                #expect(html.contains("c-r99 givet 2025-10-01 (intervju citat)"), "a participant added to the register")
                #expect(!html.contains("c-r01-2 withdrawn"))
            }
            try await client.execute(uri: "/audit", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("c-r01-2 withdrawn 2025-09-01 (workshop share-anonymised)"))
            }
        }
    }

    /// An export's entry on the Swedish audit page said its rule and counts in English ("consent
    /// rule of …", "consent applied …: 13 examples withheld (…)"; found by a new user). Shapes the
    /// page does not know stay as written.
    @Test func exportEntriesSayTheirRuleAndCountsInThePagesLanguage() async throws {
        let t = Localizer(.sv)
        #expect(t.auditValue("consent applied 2026-12-03: 13 examples withheld (consent withdrawn: 13); 2 segments withheld "
                             + "(no consent for this material: 2)", of: "consent_summary", action: .export)
                == "samtycke tillämpat 2026-12-03: 13 exempel (samtycket återkallat: 13); 2 segment (inget samtycke för detta material: 2)")
        #expect(t.auditValue("3 withheld (consent withdrawn: 3)", of: "withheld", action: .export) == "3 undanhållna (samtycket återkallat: 3)")
        #expect(t.auditValue("consent rule of 2026-12-03 with access of Maja", of: "consent", action: .export)
                == "samtyckesregeln den 2026-12-03 med åtkomst för Maja")
        #expect(t.auditValue("5 widgets withheld (consent withdrawn: 5)", of: "withheld", action: .export) == "5 widgets withheld (consent withdrawn: 5)")
        // With the redactions counted after it, and the quotes handouts and reports leave out (found by a new user).
        #expect(t.auditValue("consent applied 2026-12-03: nothing withheld; 0 identifiers redacted", of: "consent_summary", action: .export)
                == "samtycke tillämpat 2026-12-03: inget; 0 identifierare maskerade")
        #expect(t.auditValue("4 quotes", of: "withheld", action: .export) == "4 citat")
        #expect(t.auditValue("1 quote", of: "withheld_quotes", action: .export) == "1 citat")
        #expect(Localizer(.en).auditValue("1 quotes", of: "withheld", action: .export) == "1 quote")  // as written before this session
        // A download recorded through the real route, on the page.
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/api/retrieval.csv?code=need", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
            }
            let swedish = browser.swedishHeaders
            try await client.execute(uri: "/audit", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("samtyckesregeln den ") && !html.contains("consent rule of "), "\(html)")
                #expect(html.contains("Återsökning (CSV)") && !html.contains("retrieval-csv"))
            }
        }
    }

    /// The log's own codes said `ändring created`, `orsak wrong_password`, `typ retrieval-csv` on
    /// the Swedish audit page (found by a new user); an export's kind keeps its format.
    @Test func theLogsCodesAreWordedInThePagesLanguage() {
        let t = Localizer(.sv)
        #expect(t.auditValue("created", of: "change", action: .account) == "skapat")
        #expect(t.auditValue("wrong_password", of: "reason", action: .loginFailed) == "fel lösenord")
        #expect(t.auditValue("rate_limited_account", of: "reason", action: .loginFailed) == "för många försök för kontot")
        #expect(t.auditValue("actor-map-svg", of: "kind", action: .export) == "Aktörskarta (SVG)")
        #expect(t.auditValue("handout-pack-pdf", of: "kind", action: .export) == "Workshoppaket (PDF)")
        #expect(t.auditValue("something-new", of: "kind", action: .export) == "something-new")
        #expect(Localizer(.en).auditValue("codebook-csv", of: "kind", action: .export) == "Codebook (CSV)")
    }

    /// Every refusal has its words in both catalogues (no key shown as itself, every value filled).
    @Test func everyCodebookRefusalIsWordedInBothLanguages() {
        let errors: [CodebookEditError] = [
            .invalidID("X"), .duplicateID("need"), .missingName, .invalidColor("red"),
            .moveUnderItself("need"), .mergeIntoItself("need"), .hasCodings("need", count: 1), .hasCodings("need", count: 2),
            .hasChildren("need", count: 1), .hasChildren("need", count: 3), .refused("codebooks/x.yaml:3: problem"),
        ] + CodebookEditError.TextField.allCases.map { .languageRequired(code: "need", field: $0, languages: ["en", "sv"]) }
        for language in InterfaceLanguage.allCases {
            let t = Localizer(language)
            for error in errors {
                let text = t.codebookEdit(error)
                #expect(!text.contains("codebook.error") && !text.contains("{"), "\(language): \(text)")
            }
        }
    }
}
