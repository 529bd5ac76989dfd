import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The interface language: `Accept-Language`, the switch's cookie, the workspace's default.
@Suite struct LanguageRoutesTests {
    /// Error pages speak the page's language too; the server's own detail stays, marked English.
    @Test func errorPagesSpeakTheBrowsersLanguage() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            try await client.execute(uri: "/documents/no-such-document", method: .get, headers: swedish) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"sv\">"))
                #expect(html.contains("<h1>Hittades inte</h1><p>Här finns ingenting."))
                #expect(html.contains("<p class=\"detail\" lang=\"en\">"))
                // No page leaves the person without a way back.
                #expect(html.contains("<p><a href=\"/\">Tillbaka till dokumenten</a></p>"))
            }
            var signedOut: HTTPFields = [.acceptLanguage: "sv"]
            signedOut[HTTPField.Name.hostHeader] = browser.host
            try await client.execute(uri: "/codebook", method: .get, headers: signedOut) { response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("<h1>Inte inloggad</h1><p>Du är inte inloggad."))
            }
            try await client.execute(uri: "/documents/no-such-document", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<h1>Not Found</h1><p>There is nothing here."))
            }
            // A path no route has: its error has no words of its own but the status's English
            // name, which stood between the Swedish lines (found by a new user).
            try await client.execute(uri: "/consent", method: .get, headers: swedish) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Hittades inte</h1><p>Här finns ingenting. Det kan ha tagits bort eller bytt namn.</p><p><a href=\"/\">"), "\(html)")
                #expect(!html.contains("Not Found") && !html.contains("lang=\"en\""), "\(html)")
            }
        }
    }

    @Test func pagesSpeakTheBrowsersLanguageAndTheSwitchIsRemembered() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9,en;q=0.5"
            try await client.execute(uri: "/codebook", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"sv\">"))
                #expect(html.contains("<h1>Kodbok</h1>"))
                // The sample codebook names need.safety per language.
                #expect(html.contains(">Trygghet i hemmet</span>"))
                #expect(html.contains("<script src=\"/static/messages.sv.js\"></script>"))
            }
            for path in ["/needs", "/needs/need.safety.night"] {
                try await client.execute(uri: path, method: .get, headers: swedish) { response in
                    #expect(String(buffer: response.body).contains("Att känna sig trygg på natten"), "\(path)")
                }
            }
            try await client.execute(uri: "/static/messages.sv.js", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).hasPrefix("window.fieldworkMessages = Object.freeze({"))
                #expect(String(buffer: response.body).contains("\"nav.codebook\":\"Kodbok\""))
            }
            // The switch: a cookie, then back to the page (only a path on this server).
            let cookie = try await client.execute(uri: "/language/en?next=%2Fcodebook%3Fx%3D1", method: .get, headers: swedish) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/codebook?x=1")
                return String(try #require(response.headers[.setCookie]).split(separator: ";")[0])
            }
            #expect(cookie == "fieldwork_lang=en")
            try await client.execute(uri: "/language/sv?next=%2F%2Fevil.example", method: .get, headers: browser.headers) { response in
                #expect(response.headers[.location] == "/")
            }
            swedish[.cookie] = browser.cookie + "; " + cookie
            try await client.execute(uri: "/codebook", method: .get, headers: swedish) { response in
                #expect(String(buffer: response.body).contains("<h1>Codebook</h1>"))
            }
        }
    }

    @Test func theWorkspaceSetsTheDefaultForOtherLanguages() async throws {
        let fixture = try await WebFixture()
        try "interface_language: sv\n".write(to: fixture.root.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var german = browser.headers
            german[.acceptLanguage] = "de-DE"
            try await client.execute(uri: "/", method: .get, headers: german) { response in
                #expect(String(buffer: response.body).contains("<h1>Dokument</h1>"))
            }
        }
        try "interface_language: fi\n".write(to: fixture.root.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: SourceProblems.self) { _ = try fixture.app() }
        do { _ = try fixture.app() } catch { #expect("\(error)".contains("fieldwork.yaml:1")) }
    }

    /// The repository's sample workspace (what `make run` serves) speaks Swedish to a browser
    /// that asks for neither language: its settings file is the one the code reads. It was
    /// once named `workspace.yaml`, which nothing reads, so the sample's default never applied.
    @Test func theSampleWorkspaceSettingsAreRead() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        #expect(try Workspace(root: repository).settings().interfaceLanguage == "sv")
    }

    /// One settings file for the team: the interface language beside the publication minimum,
    /// read by one parser that names the file and line of a problem in either.
    @Test func theLanguageAndThePublicationMinimumShareFieldworkYAML() async throws {
        let fixture = try await WebFixture()
        let file = fixture.root.appending(path: "fieldwork.yaml")
        try "interface_language: sv\npublication:\n  min_count: 7\n".write(to: file, atomically: true, encoding: .utf8)
        let workspace = Workspace(root: fixture.root)
        #expect(try workspace.settings() == WorkspaceSettings(smallCells: SmallCells(k: 7), interfaceLanguage: "sv"))
        try "publication:\n  min_count: 7\ninterface_language: xx\n".write(to: file, atomically: true, encoding: .utf8)
        do { _ = try workspace.settings(); Issue.record("accepted xx") } catch { #expect("\(error)".contains("fieldwork.yaml:3")) }
        try "interface_language: en\npublication:\n  min_count: 1\n".write(to: file, atomically: true, encoding: .utf8)
        do { _ = try workspace.settings(); Issue.record("accepted 1") } catch { #expect("\(error)".contains("fieldwork.yaml:3")) }
    }
}
