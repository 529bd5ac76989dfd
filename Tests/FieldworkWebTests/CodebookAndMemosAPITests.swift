import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct CodebookAndMemosAPITests {
    @Test func renamingAndMovingACodeRewritesTheYAMLAndKeepsCodings() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let coding = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety.night", coder: "Anna")
            let file = fixture.root.appending(path: "codebooks/fieldwork.yaml")
            let original = try String(contentsOf: file, encoding: .utf8)
            // The name is given in English and Swedish: without a language the new name would
            // replace both, so the edit is refused, naming the languages, and nothing changes.
            try await client.execute(uri: "/api/codebook/codes/need.safety.night", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["name": "Otrygghet på natten", "move_to_top": true])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("given per language (en, sv)"))
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == original)
            try await client.execute(uri: "/api/codebook/codes/need.safety.night", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["name": "Otrygghet på natten", "move_to_top": true, "language": "sv"])) { response in
                #expect(response.status == .ok)
                let code = try #require(try json(response.body) as? [String: Any])
                #expect(code["name"] as? String == "Feeling safe at night")  // the code's own text: its first language
                #expect(code["parent"] is NSNull)
                #expect(code["codings"] as? Int == 1)
            }
            let yaml = try String(contentsOf: file, encoding: .utf8)
            #expect(yaml.contains("name: {en: Feeling safe at night, sv: Otrygghet på natten}"))
            #expect(try await fixture.context.store.coding(id: coding.id)?.codeID == "need.safety.night")
            #expect(try await fixture.context.store.codebook()["need.safety.night"]?.parentID == nil)
            // Moving a code under its own child is refused and changes nothing.
            try await client.execute(uri: "/api/codebook/codes/need", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["parent": "need.safety"])) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/codebook/codes", method: .post, headers: browser.writeHeaders,
                                     body: try body(["id": "need.safety.smoke", "name": "Brandlarm", "parent": "need.safety"])) { response in
                #expect(response.status == .created)
            }
            let check = try await CodebookCheck(workspace: fixture.context.workspace, store: fixture.context.store).run()
            #expect(check.problems.isEmpty)
            #expect(try await fixture.context.store.codebook()["need.safety.smoke"]?.kind == .need)
            // A name written once, not per language, is renamed without naming a language.
            try await client.execute(uri: "/api/codebook/codes/need.safety.smoke", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["name": "Brand- och röklarm", "description": "Larm som varnar för brand."])) { response in
                #expect(response.status == .ok)
            }
            #expect(try await fixture.context.store.codebook()["need.safety.smoke"]?.name == "Brand- och röklarm")
            try await client.execute(uri: "/api/codebook/codes", method: .post, headers: browser.writeHeaders,
                                     body: try body(["id": "need.safety.smoke", "name": "Dubblett"])) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    /// `GET /api/codebook` gives each code's workshop questions in the language asked for
    /// (`?lang=`), as its name; a code without questions has an empty list.
    @Test func codebookListsWorkshopQuestionsInTheLanguageAskedFor() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (language, question) in [("en", "What makes the night feel unsafe for you?"), ("sv", "Vad gör natten otrygg för dig?")] {
                try await client.execute(uri: "/api/codebook?lang=\(language)", method: .get, headers: browser.headers) { response in
                    let codes = try #require(try json(response.body) as? [[String: Any]])
                    let night = try #require(codes.first { $0["id"] as? String == "need.safety.night" })
                    #expect((night["questions"] as? [String])?.first == question, "\(language)")
                    #expect((night["questions"] as? [String])?.count == 4)
                    #expect(codes.first { $0["id"] as? String == "need" }?["questions"] as? [String] == [])
                }
            }
        }
    }

    @Test func memosAreCreatedListedEditedAndRemoved() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let memo = try await client.execute(uri: "/api/memos", method: .post, headers: browser.writeHeaders,
                body: try body(["target": "document", "target_id": "int-001", "author": "Anna", "text": "Återkom till nattfrågan."])) { response in
                #expect(response.status == .created)
                return try #require(try json(response.body) as? [String: Any])
            }
            let id = try #require(memo["id"] as? String)
            try await client.execute(uri: "/api/memos", method: .post, headers: browser.writeHeaders,
                                     body: try body(["target": "document", "target_id": "nope", "author": "Anna", "text": "x"])) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/memos/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "text": "Ändrad."])) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/memos?target=document&target_id=int-001", method: .get, headers: browser.headers) { response in
                let memos = try #require(try json(response.body) as? [[String: Any]])
                #expect(memos.count == 1 && memos[0]["text"] as? String == "Ändrad." && memos[0]["version"] as? Int == 2)
            }
            try await client.execute(uri: "/documents/int-001", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("Ändrad."))
            }
            try await client.execute(uri: "/api/memos/\(id)?author=Anna&version=2", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
        }
    }

    @Test func retrievalFiltersAndExportsCSV() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let segments = try await fixture.context.store.segments(documentID: "int-001")
            let turn = try #require(segments.first { $0.speaker == "R01" })
            _ = try await fixture.context.codings.add(document: "int-001", span: turn.start..<(turn.start + 10), code: "need.safety.night", coder: "Anna")
            _ = try await fixture.context.codings.add(document: "int-001", span: turn.start..<(turn.start + 10), code: "barrier", coder: "Bo")
            try await client.execute(uri: "/api/retrieval?code=need", method: .get, headers: browser.headers) { response in
                let items = try #require(try json(response.body) as? [[String: Any]])
                #expect(items.count == 1)
                #expect(items[0]["speaker"] as? String == "R01")
                #expect(items[0]["participants"] as? [String] == ["R01"])
            }
            try await client.execute(uri: "/api/retrieval?code=need&coder=Bo", method: .get, headers: browser.headers) { response in
                #expect(jsonArray(response.body)?.isEmpty == true)
            }
            try await client.execute(uri: "/api/retrieval?code=need&type=workshop", method: .get, headers: browser.headers) { response in
                #expect(jsonArray(response.body)?.isEmpty == true)
            }
            try await client.execute(uri: "/api/retrieval.csv?code=need", method: .get, headers: browser.headers) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let csv = String(buffer: response.body)
                #expect(csv.hasPrefix("coding_id,document,") && csv.components(separatedBy: "\r\n").count == 3)
            }
            try await client.execute(uri: "/retrieval?code=need", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("1 coding"))
            }
        }
    }

    /// A broad code is paged: `limit` and `offset`, in document and position order, with a
    /// `Link` to the next page; walking the pages gives every passage once.
    @Test func retrievalIsPagedWithANextLink() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for document in ["int-001", "int-002"] {
                let segments = try await fixture.context.store.segments(documentID: document)
                for segment in segments.filter({ $0.end - $0.start > 12 }).prefix(3) {
                    _ = try await fixture.context.codings.add(document: document, span: segment.start..<(segment.start + 10),
                                                              code: "need.safety.night", coder: "Anna")
                }
            }
            var uri: String? = "/api/retrieval?code=need&limit=2"
            var seen: [String] = []
            var pages = 0
            while let next = uri {
                uri = try await client.execute(uri: next, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    let items = try #require(try json(response.body) as? [[String: Any]])
                    #expect(items.count <= 2)
                    seen += items.compactMap { $0["id"] as? String ?? ($0["coding"] as? [String: Any])?["id"] as? String }
                    guard let link = response.headers[HTTPField.Name("Link")!] else { return nil }
                    #expect(link.hasSuffix(">; rel=\"next\""))
                    return String(link.dropFirst().prefix { $0 != ">" })
                }
                pages += 1
            }
            #expect(pages == 3 && seen.count == 6 && Set(seen).count == 6)
            try await client.execute(uri: "/api/retrieval?code=need&limit=0", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
