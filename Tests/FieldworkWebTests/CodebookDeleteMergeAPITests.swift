import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Deleting and merging codes, and editing a code's definition, from the browser's API: the
/// codebook YAML is edited in place and codings are never lost.
@Suite struct CodebookDeleteMergeAPITests {
    @Test func deleteIsRefusedForCodedCodesAndCodesWithChildrenAndOtherwiseEditsTheYAML() async throws {
        let fixture = try await WebFixture()
        let file = fixture.root.appending(path: "codebooks/fieldwork.yaml")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            _ = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "emotion.relief", coder: "Anna")
            let original = try String(contentsOf: file, encoding: .utf8)
            for (id, words) in [("emotion.relief", "has 1 coding"), ("need", "below it")] {
                try await client.execute(uri: "/api/codebook/codes/\(id)", method: .delete, headers: browser.writeHeaders) { response in
                    #expect(response.status == .unprocessableContent, "\(id)")
                    #expect((jsonObject(response.body)?["detail"] as? String)?.contains(words) == true, "\(id)")
                }
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == original)
            try await client.execute(uri: "/api/codebook/codes/theme.dignity", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            let yaml = try String(contentsOf: file, encoding: .utf8)
            #expect(!yaml.contains("id: theme.dignity"))
            // Only the deleted code's lines went (one block): the rest is as the team wrote it.
            let before = original.components(separatedBy: "\n"), after = yaml.components(separatedBy: "\n")
            let prefix = zip(before, after).prefix { $0 == $1 }.count
            let suffix = zip(before.reversed(), after.reversed()).prefix { $0 == $1 }.count
            #expect(prefix + suffix == after.count)
            #expect(before[prefix].contains("id: theme.dignity"))
            #expect(try await fixture.context.store.codebook()["theme.dignity"] == nil)
            try await client.execute(uri: "/api/codebook/codes/no.such", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .unprocessableContent)
            }
        }
    }

    @Test func mergeMovesTheCodingsToTheTargetThroughFormerly() async throws {
        let fixture = try await WebFixture()
        let file = fixture.root.appending(path: "codebooks/fieldwork.yaml")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let coding = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "emotion.relief", coder: "Anna")
            try await client.execute(uri: "/api/codebook/codes/emotion.relief/merge", method: .post, headers: browser.writeHeaders,
                                     body: try body(["into": "emotion.fear"])) { response in
                #expect(response.status == .ok)
                let code = try #require(jsonObject(response.body))
                #expect(code["id"] as? String == "emotion.fear")
                #expect(code["codings"] as? Int == 1)
            }
            #expect(try await fixture.context.store.coding(id: coding.id)?.codeID == "emotion.fear")
            #expect(try await fixture.context.store.codebook()["emotion.relief"] == nil)
            let yaml = try String(contentsOf: file, encoding: .utf8)
            #expect(!yaml.contains("id: emotion.relief"))
            #expect(yaml.contains("formerly: [emotion.relief]"))
            let history = try #require(try await fixture.context.store.codingHistory(id: coding.id))
            #expect(history.contains { $0.kind == .merged })
            for (id, into, status) in [("emotion.fear", "emotion.fear", HTTPResponse.Status.unprocessableContent),
                                       ("need.safety", "emotion.fear", .unprocessableContent),
                                       ("emotion.shame", "no.such", .unprocessableContent)] {
                try await client.execute(uri: "/api/codebook/codes/\(id)/merge", method: .post, headers: browser.writeHeaders,
                                         body: try body(["into": into])) { response in
                    #expect(response.status == status, "\(id) into \(into)")
                }
            }
        }
    }

    /// A merge made the same passage, by the same coder, count twice when both codes had it, and
    /// left the merged code's memos on an id no page shows (found by a new user). Now the moved
    /// duplicate is removed, with a history naming the one kept, and the memos move too.
    @Test func mergeRemovesDuplicatesItMakesAndMovesTheCodesMemos() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let kept = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "emotion.fear", coder: "Anna")
            let twin = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "emotion.relief", coder: "Anna")
            let other = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "emotion.relief", coder: "Bo")
            let memo = try await fixture.context.memos.add(target: .code, targetID: "emotion.relief", author: "Anna", text: "Relief or fear?")
            // A code with a memo (and no codings) is not deleted: its memo would be left on an id no page shows.
            _ = try await fixture.context.memos.add(target: .code, targetID: "emotion.shame", author: "Anna", text: "Keep?")
            try await client.execute(uri: "/api/codebook/codes/emotion.shame", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .unprocessableContent)
                #expect((jsonObject(response.body)?["detail"] as? String)?.contains("1 memo") == true)
            }
            try await client.execute(uri: "/api/codebook/codes/emotion.relief/merge", method: .post, headers: browser.writeHeaders,
                                     body: try body(["into": "emotion.fear"])) { response in
                #expect(response.status == .ok)
                let merged = try #require(jsonObject(response.body))
                #expect(merged["codings"] as? Int == 2)
                let removed = merged["duplicates_removed"] as? [[String: Any]] ?? []
                #expect(removed.map { $0["removed"] as? String } == [twin.id])
                #expect(removed.map { $0["kept"] as? String } == [kept.id])
                #expect(merged["memos_moved"] as? Int == 1)
            }
            let live = try await fixture.context.store.codings(CodingFilter(codeIDs: ["emotion.fear"]))
            #expect(Set(live.map(\.id)) == [kept.id, other.id])
            let history = try #require(try await fixture.context.store.codingHistory(id: twin.id))
            #expect(history.last?.kind == .removed && history.last?.summary.contains(kept.id) == true)
            #expect(try await fixture.context.store.memos(target: .code, targetID: "emotion.fear").map(\.id) == [memo.id])
            #expect(try await fixture.context.store.memos(target: .code, targetID: "emotion.relief").isEmpty)
        }
    }

    @Test func definitionIsEditedInPlace() async throws {
        let fixture = try await WebFixture()
        let file = fixture.root.appending(path: "codebooks/fieldwork.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            // The definition is given in English and Swedish: without a language the new text
            // would replace both, so the edit is refused and the file stays as it was.
            try await client.execute(uri: "/api/codebook/codes/need.safety.outdoors", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["description": "Att känna sig trygg ute.", "exclude": ""])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("the description of 'need.safety.outdoors' is given per language (en, sv)"))
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == original)
            try await client.execute(uri: "/api/codebook/codes/need.safety.outdoors", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["description": "Att känna sig trygg ute.", "exclude": "", "language": "sv"])) { response in
                #expect(response.status == .ok)
            }
        }
        let yaml = try String(contentsOf: file, encoding: .utf8)
        // In place: the Swedish description changes and the Swedish exclusion goes; the English
        // lines stay as written (not re-wrapped), and so does every other line.
        let old = original.components(separatedBy: "\n"), new = yaml.components(separatedBy: "\n")
        #expect(old.count - new.count == 1)
        #expect(new.filter { !old.contains($0) } == ["              sv: Att känna sig trygg ute."])
        #expect(old.filter { !new.contains($0) } == [
            "              sv: Att känna sig trygg på väg till och från olika platser (gator, gångtunnlar, knutpunkter i kollektivtrafiken).",
            "              sv: Hur pålitliga resor och transporter är, utan koppling till trygghet (använd need.independence).",
        ])
        let code = try #require(try await fixture.context.store.codebook()["need.safety.outdoors"])
        #expect(code.localized("sv").description == "Att känna sig trygg ute.")
        #expect(code.localized("en").exclude == "Transport reliability without a safety element (use need.independence).")
        #expect(code.localized("en").description == "Feeling safe on the way to and from places (streets, underpasses, transport hubs).")
        #expect(code.translations["sv"]?.exclude == nil)  // (shown in Swedish, the English one stands in)
    }

    /// `language`: the Swedish name and definition change, the English stay; a language that is
    /// no language code is refused before anything is written.
    @Test func aDefinitionEditedInOneLanguageKeepsTheOthers() async throws {
        let fixture = try await WebFixture()
        let file = fixture.root.appending(path: "codebooks/fieldwork.yaml")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let original = try String(contentsOf: file, encoding: .utf8)
            try await client.execute(uri: "/api/codebook/codes/need.safety.outdoors", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["name": "Trygghet ute", "language": "Svenska"])) { response in
                #expect(response.status == .badRequest)
            }
            #expect(try String(contentsOf: file, encoding: .utf8) == original)
            try await client.execute(uri: "/api/codebook/codes/need.safety.outdoors", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["name": "Trygghet ute", "description": "Att känna sig trygg ute.", "language": "sv"])) { response in
                #expect(response.status == .ok)
                #expect(jsonObject(response.body)?["name"] as? String == "Safety outside the home")
            }
        }
        let code = try #require(try await fixture.context.store.codebook()["need.safety.outdoors"])
        #expect(code.localized("sv").name == "Trygghet ute" && code.localized("sv").description == "Att känna sig trygg ute.")
        #expect(code.localized("en").name == "Safety outside the home" && code.description?.hasPrefix("Feeling safe") == true)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("name: {en: Safety outside the home, sv: Trygghet ute}"))
    }
}
