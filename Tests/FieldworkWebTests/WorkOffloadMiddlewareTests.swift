import FieldworkServing
@testable import FieldworkWeb
import Hummingbird
import HummingbirdCore
import HummingbirdTesting
import NIOPosix
import Testing

/// Light requests are handled on the event loop that reads their connection; every other one on
/// Swift's global pool, so that long work never holds up a loop's other connections.
@Suite struct WorkOffloadMiddlewareTests {
    @Test func lightRequestsStayOnTheirEventLoopAndOthersGoToThePool() async throws {
        let router = Router(context: WebContext.self)
        router.add(middleware: WorkOffloadMiddleware())
        for path in ["/static/probe.css", "/api/codings", "/report/probe"] {
            let answer: @Sendable (Request, WebContext) async throws -> String = { _, _ in
                MultiThreadedEventLoopGroup.currentEventLoop == nil ? "pool" : "loop"
            }
            router.get(RouterPath(path), use: answer)
            router.post(RouterPath(path), use: answer)
        }
        let app = Application(router: router, server: .http1OnEventLoops(configuration: .init()),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            for (method, path, expected) in [(HTTPRequest.Method.get, "/static/probe.css", "loop"), (.post, "/api/codings", "loop"),
                                             (.get, "/api/codings", "pool"), (.get, "/report/probe", "pool")] {
                try await client.execute(uri: path, method: method) { response in
                    #expect(String(buffer: response.body) == expected, "\(method) \(path)")
                }
            }
        }
    }

    @Test func lightMeansBoundedWorkPerRequest() {
        let light: [(HTTPRequest.Method, String)] = [
            (.get, "/static/app.js"), (.head, "/static/app.css"), (.get, "/api/documents/int-001"),
            (.post, "/api/codings"), (.patch, "/api/codings/c-1"), (.delete, "/api/codings/c-1"),
            (.post, "/api/codings/c-1/reattach"), (.post, "/api/memos"), (.patch, "/api/memos/m-1"), (.delete, "/api/memos/m-1"),
        ]
        let heavy: [(HTTPRequest.Method, String)] = [
            (.get, "/api/documents"), (.get, "/api/codings"), (.get, "/api/search"), (.get, "/api/documents/int-001/changes"),
            (.get, "/documents/int-001"), (.get, "/reports/codebook.csv"), (.post, "/api/codebook/codes"), (.get, "/"),
            (.get, "/api/codings/c-1/history"), (.get, "/api/memos"), (.post, "/api/codings/c-1/other"),
        ]
        for (method, path) in light { #expect(WorkOffloadMiddleware.isLight(method, path), "\(method) \(path)") }
        for (method, path) in heavy { #expect(!WorkOffloadMiddleware.isLight(method, path), "\(method) \(path)") }
    }
}
