import FieldworkCore
import FieldworkServices
import FieldworkWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Adjudication's document memos keep their program-read first line in the store, in English;
/// the pages say them in the interface language (a Swedish document page showed "Adjudication:
/// dismissed code=… Dismissed by Maja Lind."), with the stored text kept for the memo editor.
@Suite struct AdjudicationMemoTextTests {
    @Test func aDismissalAndADiscussionAreShownInThePagesLanguage() async throws {
        let fixture = try await WebFixture()
        let passage = (start: 3990, end: 4187)
        let dismissal = try await fixture.context.adjudication.dismiss(document: "int-002", start: passage.start, end: passage.end,
                                                                       code: "actor.home_care", by: "Maja Lind")
        _ = try await fixture.context.adjudication.discuss(document: "int-002", start: passage.start, end: passage.end,
                                                           text: "Vi läser det som splittrat ansvar.", by: "Jonas Ek", version: nil)
        // The store keeps the line the disagreements page and the needs register read.
        #expect(dismissal.text == "Adjudication: dismissed code=actor.home_care passage=3990-4187\nDismissed by Maja Lind.")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            for uri in ["/documents/int-002", "/memos", "/documents/int-002/print"] {
                try await client.execute(uri: uri, method: .get, headers: swedish) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let html = String(buffer: response.body)
                    #expect(html.contains(">Oenighet avgjord: actor.home_care avfärdad för passagen 3990–4187.</p>"), "\(uri)")
                    #expect(html.contains(">Diskussion om en oenighet, passagen 3990–4187:\nVi läser det som splittrat ansvar.</p>"), "\(uri)")
                    #expect(!html.contains(">Adjudication:") && !html.contains("Dismissed by Maja Lind.</p>"), "\(uri)")
                    // What the editor edits is the stored text.
                    #expect(html.contains("data-text=\"Adjudication: dismissed code=actor.home_care passage=3990-4187\nDismissed by Maja Lind.\""), "\(uri)")
                }
            }
            try await client.execute(uri: "/documents/int-002", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains(">Disagreement decided: actor.home_care dismissed for the passage 3990–4187.</p>"))
            }
        }
    }

    /// A consensus coding's memo `accepted by NAME` is said in the page's language where it is
    /// read (retrieval, the print view); the store keeps it as written.
    @Test func anAcceptanceMemoIsShownInThePagesLanguage() async throws {
        let fixture = try await WebFixture()
        let accepted = try await fixture.context.adjudication.accept(document: "int-002", start: 3990, end: 4187,
                                                                     code: "theme.coordination", by: "Maja Lind")
        #expect(accepted.coding.memo == "accepted by Maja Lind")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            for uri in ["/retrieval?code=theme.coordination", "/documents/int-002/print"] {
                try await client.execute(uri: uri, method: .get, headers: swedish) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("Godtagen i konsensus av Maja Lind."), "\(uri)")
                    #expect(!html.contains("accepted by Maja Lind"), "\(uri)")
                }
            }
            try await client.execute(uri: "/retrieval?code=theme.coordination", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("Accepted into consensus by Maja Lind."))
            }
        }
    }
}
