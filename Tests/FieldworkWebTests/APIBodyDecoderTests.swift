import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A body that does not fit is refused naming the field as the client wrote it, in the API's
/// words: Swift's decoding messages ("Coding key `target` not found.", "Cannot initialize Target
/// from invalid String value int-sv") named its own types.
@Suite struct APIBodyDecoderTests {
    @Test func aBodyThatDoesNotFitNamesTheFieldAndTheProblem() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var headers = browser.headers
            headers[.contentType] = "application/json"
            headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf
            let cases: [(String, String)] = [
                (#"{"target_id": "int-001", "author": "A", "text": "t"}"#, "`target` is missing"),
                (#"{"target": 5, "target_id": "int-001", "author": "A", "text": "t"}"#, "`target` must be a string"),
                (#"{"target": "int-sv", "target_id": "int-001", "author": "A", "text": "t"}"#, "`target` cannot be 'int-sv'"),
                (#"{"target": "document", "target_id": "int-001", "author": null, "text": "t"}"#, "`author` must not be null"),
                ("[1, 2]", "the request body must be a JSON object"),
                ("{nope", "the request body is not JSON"),
            ]
            for (body, detail) in cases {
                try await client.execute(uri: "/api/memos", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    let answer = jsonObject(response.body)
                    #expect(answer?["detail"] as? String == detail, "\(body): \(String(buffer: response.body))")
                }
            }
        }
    }

    /// A position that is not a whole number, or one past 64 bits, was answered "the request body
    /// is not JSON" (Linux's JSONDecoder names no field for it): the field is named (found by a new user).
    @Test func aNumberThatIsNoWholeNumberNamesItsField() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let headers = browser.writeHeaders
            func coding(_ start: String, _ end: String = "20", revision: String = "1") -> String {
                #"{"document": "int-001", "start": \#(start), "end": \#(end), "code": "need", "coder": "Anna", "revision": \#(revision), "quote": "1.5 2.5"}"#
            }
            let range = "from \(Int.min) to \(Int.max)"
            let cases: [(String, String)] = [
                (coding("1.5"), "`start` must be a whole number, not 1.5"),
                (coding("10", "99999999999999999999"), "`end` must be a whole number \(range), not 99999999999999999999"),
                (coding("1e400"), "`start` must be a whole number \(range), not 1e400"),
                (coding("10", revision: "-2.25"), "`revision` must be a whole number, not -2.25"),
                (coding("10") + "}", "the request body is not JSON"),
            ]
            for (body, detail) in cases {
                try await client.execute(uri: "/api/codings", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    #expect(jsonObject(response.body)?["detail"] as? String == detail, "\(body): \(String(buffer: response.body))")
                }
            }
            // Whole numbers written as 2.0 or 1e1 are whole numbers: taken.
            try await client.execute(uri: "/api/codings", method: .post, headers: headers,
                                     body: ByteBuffer(string: coding("1e1", "20.0").replacingOccurrences(of: #""revision": 1, "quote": "1.5 2.5""#, with: #""memo": "2.5""#))) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
            }
        }
    }
}
