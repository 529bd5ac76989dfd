import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// What the server writes to its log: each 500 with its cause, requests at `info`.
@Suite struct ServerLogTests {
    /// Keeps every message and its metadata.
    final class Recorder: Sendable {
        let lines = Mutex<[String]>([])
        var text: String { lines.withLock { $0.joined(separator: "\n") } }

        func logger(level: Logger.Level) -> Logger {
            var logger = Logger(label: "test") { _ in Handler(recorder: self) }
            logger.logLevel = level
            return logger
        }

        struct Handler: LogHandler {
            let recorder: Recorder
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .trace

            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }

            func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                     file: String, function: String, line: UInt) {
                let all = metadata.merging(extra ?? [:]) { $1 }
                recorder.lines.withLock { $0.append("\(level) \(message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })") }
            }
        }
    }

    /// A 500 (here: a table gone from the database under the server) is logged with the
    /// error's type and description, never with transcript text; requests are logged at info.
    @Test func every500IsLoggedWithItsCauseAndRequestsAtInfo() async throws {
        let fixture = try await WebFixture()
        let recorder = Recorder()
        // The test's idle timeout (WebFixture.configuration): the pause for sqlite3 or the DROP
        // TABLE between the two requests may be long on a loaded CI machine.
        var configuration = WebFixture.configuration(port: 0, token: fixture.token)
        configuration.logger = recorder.logger(level: .info)
        let app = try buildApplication(context: fixture.context, configuration: configuration)
        try await app.test(.live) { client in
            let host = "localhost:\(try #require(client.port))"
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)
            try await client.execute(uri: "/api/status", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
            }
            if TestStore.isPostgreSQL {
                try fixture.database.execute("DROP TABLE memo CASCADE")
            } else {
                let database = fixture.context.workspace.stateDirectory.appending(path: "fieldwork.sqlite")
                let sqlite = Process()
                sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
                sqlite.arguments = [database.path, "DROP TABLE memo;"]
                try sqlite.run()
                sqlite.waitUntilExit()
                #expect(sqlite.terminationStatus == 0)
            }
            try await client.execute(uri: "/api/memos?target=project", method: .get, headers: browser.headers) { response in
                #expect(response.status == .internalServerError)
                #expect(String(buffer: response.body).contains("see the server log"))
            }
        }
        let log = recorder.text
        #expect(log.contains("info GET /api/status 200"))
        let error = try #require(recorder.lines.withLock { $0.first { $0.hasPrefix("error 500 on GET /api/memos") } })
        #expect(error.contains(TestStore.isSQLite ? "no such table" : "does not exist (SQLSTATE 42P01)"), "\(error)")
        #expect(error.contains("error.type="))
        // Never the transcript: no word of the sample interviews reaches the log.
        let sample = try #require(try await fixture.context.store.document(id: "int-001")?.plainText)
        for word in sample.split(separator: " ").filter({ $0.count > 8 }).prefix(20) {
            #expect(!log.contains(word), "\(word)")
        }
    }

    @Test func atNoticeRequestsAreNotLogged() async throws {
        let fixture = try await WebFixture()
        let recorder = Recorder()
        var configuration = WebFixture.configuration(port: 0, token: fixture.token)
        configuration.logger = recorder.logger(level: .notice)
        try await buildApplication(context: fixture.context, configuration: configuration).test(.live) { client in
            let host = "localhost:\(try #require(client.port))"
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)
            try await client.execute(uri: "/api/status", method: .get, headers: browser.headers) { _ in }
        }
        #expect(!recorder.text.contains("GET /api/status"))
    }
}
