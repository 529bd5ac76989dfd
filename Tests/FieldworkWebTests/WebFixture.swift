import NIOFoundationEssentialsCompat
import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A copy of the repository's sample workspace, ingested (`IngestedSample`), with a server app
/// around it; its store is the workspace's SQLite file or a PostgreSQL database (`TestStore`),
/// dropped with the last copy of the fixture.
struct WebFixture {
    static let port = 8470
    let root: URL
    let database: TestDatabase
    let context: FieldworkContext
    let token = AccessToken.random()

    init() async throws {
        root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-web-\(UUID().uuidString)")
        database = try await IngestedSample.copy(to: root)
        context = try FieldworkContext.open(Workspace(root: root), storeURL: database.url)
        database.usedBy(context.store as AnyObject)
    }

    /// A workspace of the given files (path → text) instead of the sample, ingested.
    init(files: [String: String]) async throws {
        root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-web-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        database = try await TestDatabase.make(workspace: root)
        context = try FieldworkContext.open(Workspace(root: root), storeURL: database.url)
        database.usedBy(context.store as AnyObject)
        try await Self.ingest(context, what: "the test's workspace")
    }

    /// A workspace that does not ingest fails the test that made it, naming its problems; the
    /// other tests of the run go on (a precondition here once ended the whole run at the first).
    struct IngestFailed: Error, CustomStringConvertible {
        let description: String
    }

    private static func ingest(_ context: FieldworkContext, what: String) async throws {
        let summary = try await context.ingest.ingest()
        guard summary.succeeded else { throw IngestFailed(description: "\(what) did not ingest: \(summary.problems)") }
    }

    func app(port: Int = WebFixture.port) throws -> some ApplicationProtocol {
        try buildApplication(context: context, configuration: Self.configuration(port: port, token: token))
    }

    /// The server's configuration for tests. A live test keeps one connection open while it
    /// ingests or erases between requests; on a loaded CI machine (two cores, the PostgreSQL pass
    /// in parallel) that pause once passed the 30-second idle timeout and the next request met a
    /// closed channel. Tests of the timeout itself set their own.
    static func configuration(port: Int, token: AccessToken) -> WebServerConfiguration {
        var configuration = WebServerConfiguration(port: port, token: token)
        configuration.idleTimeout = .seconds(900)
        return configuration
    }

    var host: HTTPFields { [HTTPField.Name.hostHeader: "localhost:\(Self.port)"] }
}

/// A signed-in browser: the cookie and CSRF token obtained through the token URL.
struct Browser {
    let cookie: String
    let csrf: String
    let host: String

    static func signIn(_ client: some TestClientProtocol, token: AccessToken, host: String = "localhost:\(WebFixture.port)") async throws -> Browser {
        let cookie = try await client.execute(uri: "/?token=\(token.value)", method: .get, headers: [HTTPField.Name.hostHeader: host]) { response in
            guard response.status == .seeOther, let setCookie = response.headers[.setCookie] else {
                throw FixtureError("token exchange failed: \(response.status)")
            }
            return String(setCookie.split(separator: ";")[0])
        }
        let csrf = try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name.hostHeader: host, .cookie: cookie]) { response in
            let html = String(buffer: response.body)
            guard let range = html.range(of: "name=\"csrf-token\" content=\""),
                  let end = html[range.upperBound...].firstIndex(of: "\"") else { throw FixtureError("no csrf meta") }
            return String(html[range.upperBound..<end])
        }
        return Browser(cookie: cookie, csrf: csrf, host: host)
    }

    var headers: HTTPFields { [HTTPField.Name.hostHeader: host, .cookie: cookie] }

    /// `headers` of a browser whose language is Swedish.
    var swedishHeaders: HTTPFields {
        var fields = headers
        fields[.acceptLanguage] = "sv"
        return fields
    }

    var writeHeaders: HTTPFields {
        var fields = headers
        fields[HTTPField.Name("X-CSRF-Token")!] = csrf
        fields[.contentType] = "application/json"
        return fields
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func json(_ buffer: ByteBuffer) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed])
}

/// Non-throwing readers for use inside `#expect`.
func jsonArray(_ buffer: ByteBuffer) -> [Any]? { (try? json(buffer)) as? [Any] }
func jsonObject(_ buffer: ByteBuffer) -> [String: Any]? { (try? json(buffer)) as? [String: Any] }
func errorCode(_ buffer: ByteBuffer) -> String? { jsonObject(buffer)?["error"] as? String }

func body(_ object: Any) throws -> ByteBuffer {
    ByteBuffer(data: try JSONSerialization.data(withJSONObject: object))
}

extension HTTPField.Name {
    /// `Host` as a plain field: the router test framework fixes the authority to "localhost",
    /// so tests send the header the way a browser (or an attacker) would.
    static let hostHeader = HTTPField.Name("Host")!
}

extension WebFixture {
    /// Where `phrase` first stands in a document's plain text, in scalars (as codings count).
    func span(of phrase: String, in id: String) async throws -> Range<Int> {
        let text = ScalarText(try await context.store.document(id: id)?.plainText ?? "")
        let start = try #require(text.occurrences(of: Array(phrase.unicodeScalars)).first)
        return start..<(start + phrase.unicodeScalars.count)
    }
}
