import Foundation
import Glibc
import Testing

/// `fieldwork account …` with the real binary: passwords from standard input (never argv), the
/// accounts listed, disabled and changed; a workspace with accounts is served in team mode, where
/// a login over a real socket is audited with the client's address.
@Suite struct AccountCLITests {
    static let password = "ett långt lösenord"

    @Test func accountsAreCreatedListedDisabledAndChangedWithPasswordsFromStandardInput() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run(["account", "list"]).stdout.contains("no accounts: the server runs in local (token) mode"))
        let created = try await cli.run(["account", "create", "Anna Lind", "--role", "admin"], input: Self.password + "\n")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("created account Anna Lind (admin)") && created.stdout.contains("team mode"))
        #expect(try await cli.run(["account", "create", "Bo", "--role", "facilitator"], input: Self.password + "\n").status == 0)

        let short = try await cli.run(["account", "create", "Cecilia", "--role", "analyst"], input: "kort\n")
        #expect(short.status == 1 && short.stderr == "Error: the password has fewer than 10 characters\n")
        let role = try await cli.run(["account", "create", "Cecilia", "--role", "boss"], input: Self.password + "\n")
        #expect(role.status != 0 && role.stderr.contains("boss"))
        let twice = try await cli.run(["account", "create", "anna lind", "--role", "analyst"], input: Self.password + "\n")
        #expect(twice.status == 1 && twice.stderr == "Error: an account named Anna Lind exists already (names are compared without case)\n", "\(twice.stderr)")

        #expect(try await cli.run(["account", "disable", "Bo"]).stdout == "disabled account Bo\n")
        #expect(try await cli.run(["account", "role", "Bo", "analyst"]).status == 0)
        #expect(try await cli.run(["account", "password", "Anna Lind"], input: "ett nytt långt lösenord\n").status == 0)
        #expect(try await cli.run(["account", "disable", "Nobody"]).stderr == "Error: no account named Nobody\n")

        let list = try #require(try await cli.json("account", "list") as? [[String: Any]])
        #expect(list.map { "\($0["name"]!) \($0["role"]!) \(($0["disabled"] as? Bool) == true)" } == ["Anna Lind admin false", "Bo analyst true"])
        let audit = try await cli.run(["audit"]).stdout
        #expect(audit.contains("account\taccount=Anna Lind change=created role=admin"))
        #expect(audit.contains("account=Bo change=disabled") && audit.contains("account=Anna Lind change=password"))
        #expect(!audit.contains("lösenord") && !audit.contains("$2b$"))
    }

    @Test func aWorkspaceWithAccountsIsServedInTeamModeAndLoginsAreAudited() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run(["account", "create", "Anna", "--role", "researcher"], input: Self.password + "\n").status == 0)
        let server = try await RunningServer.start(workspace: root)
        defer { server.stop() }
        #expect(server.banner.contains("Team mode (accounts): log in at http://127.0.0.1:\(server.port)/login"))
        #expect(!server.banner.contains("token="))

        let page = try Self.request("GET /documents/int-001 HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nConnection: close\r\n\r\n", port: server.port)
        #expect(page.hasPrefix("HTTP/1.1 303") && page.lowercased().contains("location: /login?next=%2fdocuments%2fint-001"))
        let form = "name=Anna&password=\(Self.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&next=%2F"
        let login = try Self.request("POST /login HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                     + "Content-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n\(form)", port: server.port)
        #expect(login.hasPrefix("HTTP/1.1 303"), "\(login.prefix(200))")
        #expect(login.lowercased().contains("set-cookie: fieldwork_session=") && login.contains("HttpOnly") && login.contains("SameSite=Strict"))
        server.stop()
        let audit = try await cli.run(["audit"]).stdout
        #expect(audit.contains("Anna\tlogin\tclient=127.0.0.1"), "\(audit)")
    }

    /// One HTTP/1.1 exchange over a loopback socket; the response's head and body as text.
    static func request(_ text: String, port: Int) throws -> String {
        let socket = try ServeConnectionsTests.connect(port: port)
        defer { close(socket) }
        #expect(send(socket, text, text.utf8.count, 0) == text.utf8.count)
        var response = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let received = recv(socket, &buffer, buffer.count, 0)
            if received <= 0 { break }
            response += buffer.prefix(received)
        }
        return String(decoding: response, as: UTF8.self)
    }
}
