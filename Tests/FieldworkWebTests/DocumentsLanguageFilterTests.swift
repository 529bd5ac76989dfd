import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The documents page's language filter offered the raw codes (`sv`, `en`) as its choices (found
/// by a new user): it names the languages in the page's language and keeps the codes as the
/// values; a code the interface has no name for is shown as given.
@Suite struct DocumentsLanguageFilterTests {
    static func fixture() async throws -> WebFixture {
        var files = ["codebooks/codebook.yaml": "title: Codebook\ncodes:\n  - {id: need, name: Needs, kind: need}\n"]
        for (id, language) in [("n-sv", "sv"), ("n-en", "en"), ("n-fi", "fi")] {
            files["corpus/\(id).md"] = "---\nid: \(id)\ntype: note\ntitle: Anteckning \(id)\nlanguage: \(language)\n---\n\nKaffe med grannen.\n"
        }
        return try await WebFixture(files: files)
    }

    /// The language filter's `<select>`, as sent.
    static func languageSelect(_ html: String) throws -> String {
        try #require(html.firstMatch(of: /<select name="language">[\s\S]*?<\/select>/).map { String($0.0) })
    }

    @Test func theLanguageFilterNamesTheLanguagesInThePagesLanguage() async throws {
        let fixture = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/?language=sv", method: .get, headers: browser.headers) { response in
                let select = try Self.languageSelect(String(buffer: response.body))
                #expect(select.contains("<option value=\"en\">English</option>"), "\(select)")
                #expect(select.contains("<option value=\"sv\" selected>Swedish</option>"), "\(select)")
                #expect(select.contains("<option value=\"fi\">fi</option>"), "\(select)")
            }
            try await client.execute(uri: "/", method: .get, headers: browser.swedishHeaders) { response in
                let select = try Self.languageSelect(String(buffer: response.body))
                #expect(select.contains("<option value=\"en\">engelska</option>") && select.contains("<option value=\"sv\">svenska</option>"), "\(select)")
            }
        }
    }
}
