import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A memo or coding memo holding U+0000: PostgreSQL answered 500 (invalid byte sequence) and
/// SQLite stored the text cut at the NUL (found by a new user). Every API write refuses a body
/// whose text holds one, 422 naming the field, and stores nothing: the same on both stores.
@Suite struct NULTextAPITests {
    @Test func everyWriteRefusesTextHoldingNULNamingTheField() async throws {
        let fixture = try await WebFixture()
        let turn = try #require(try await fixture.context.store.segments(documentID: "int-001").last)
        let coding = try await fixture.context.codings.add(document: "int-001", span: turn.start..<turn.end, code: "need", coder: "Anna")
        let memo = try await fixture.context.memos.add(target: .project, targetID: "", author: "Anna", text: "före")
        let nul = "före\u{0}efter"
        let before = try await fixture.context.store.counts()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (method, uri, payload, field) in [
                (HTTPRequest.Method.post, "/api/memos", ["target": "project", "author": "Anna", "text": nul] as [String: Any], "text"),
                (.patch, "/api/memos/\(memo.id)", ["version": 1, "text": nul], "text"),
                (.post, "/api/codings", ["document": "int-001", "start": turn.start, "end": turn.end, "code": "need.safety",
                                         "coder": "Bo", "memo": nul], "memo"),
                (.patch, "/api/codings/\(coding.id)", ["version": 1, "memo": nul], "memo"),
                (.post, "/api/disagreements/discussion", ["document": "int-001", "start": turn.start, "end": turn.end,
                                                          "text": nul, "by": "Anna"], "text"),
                (.post, "/api/needs/need.contact_city/links", ["solution": "video-tablet", "rationale": nul, "coder": "Bo"], "rationale"),
                (.post, "/api/codebook/codes", ["id": "theme.nul", "name": "Nul", "description": nul], "description"),
                (.post, "/api/codings", ["document": "int-001", "start": turn.start, "end": turn.end, "code": "need.safety",
                                         "coder": "B\u{0}o"], "coder"),
            ] {
                try await client.execute(uri: uri, method: method, headers: browser.writeHeaders, body: try body(payload)) { response in
                    #expect(response.status == .unprocessableContent, "\(method) \(uri): \(String(buffer: response.body))")
                    #expect(jsonObject(response.body)?["detail"] as? String
                            == "`\(field)` holds a NUL character (U+0000), which no text in the study can hold; remove it", "\(uri)")
                }
            }
        }
        #expect(try await fixture.context.store.counts() == before)
        #expect(try await fixture.context.store.memo(id: memo.id)?.text == "före")
        #expect(try await fixture.context.store.coding(id: coding.id)?.memo == nil)
        #expect(try await fixture.context.store.needLinks(needID: "need.contact_city").isEmpty)
        #expect(try await fixture.context.store.codebook()["theme.nul"] == nil)
    }
}
