import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The same checks over a real socket on an ephemeral loopback port.
@Suite struct LiveServerTests {
    @Test func realSocketServesOnlyWithTokenAndLoopbackHost() async throws {
        let fixture = try await WebFixture()
        try await fixture.app(port: 0).test(.live) { client in
            let port = try #require(client.port)
            let host = "localhost:\(port)"
            try await client.execute(uri: "/api/status", method: .get, headers: [HTTPField.Name.hostHeader: host]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/status", method: .get, headers: [HTTPField.Name.hostHeader: "evil.example:\(port)"]) { response in
                #expect(response.status == .forbidden)
            }
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)
            try await client.execute(uri: "/api/status", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let status = try #require(try json(response.body) as? [String: [String: Int]])
                #expect(status["counts"]?["documents"] == 12)  // seven interviews, two workshops, two policy labs, a note
            }
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-001", "start": 20, "end": 30, "code": "need", "coder": "Anna"])) { response in
                #expect(response.status == .created)
            }
        }
    }

    /// A body past the 1 MiB upload limit is the client's fault: 413 with the JSON error, not 500.
    @Test func aBodyOverOneMebibyteGets413() async throws {
        let fixture = try await WebFixture()
        try await fixture.app(port: 0).test(.live) { client in
            let host = "localhost:\(try #require(client.port))"
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)
            let memo = String(repeating: "x", count: 1024 * 1024 + 1)
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-001", "start": 20, "end": 30, "code": "need", "coder": "Anna", "memo": memo])) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorCode(response.body) == "too_large")
            }
            // The connection's server still answers afterwards.
            try await client.execute(uri: "/api/status", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
