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
}
