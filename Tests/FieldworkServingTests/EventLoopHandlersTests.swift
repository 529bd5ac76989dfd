import FieldworkServing
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import NIOPosix
import Testing

/// Every request runs on the event loop that reads its connection, in the handler's task, and
/// Hummingbird's own server runs it on Swift's global pool: what `http1OnEventLoops` is for.
@Suite struct EventLoopHandlersTests {
    @Test func everyRequestRunsOnTheEventLoopThatReadsItsConnection() async throws {
        let where_: @Sendable (Request, BasicRequestContext) async throws -> String = { _, _ in
            MultiThreadedEventLoopGroup.currentEventLoop == nil ? "pool" : "loop"
        }
        let servers: [(HTTPServerBuilder, String)] = [(.http1OnEventLoops(configuration: HTTP1Channel.Configuration()), "loop"), (.http1(), "pool")]
        for (server, expected) in servers {
            let router = Router()
            router.get("/probe", use: where_)
            router.post("/probe", use: where_)
            let app = Application(router: router, server: server, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client in
                for method in [HTTPRequest.Method.get, .post] {
                    try await client.execute(uri: "/probe", method: method) { response in
                        #expect(String(buffer: response.body) == expected, "\(method)")
                    }
                }
            }
        }
    }
}
