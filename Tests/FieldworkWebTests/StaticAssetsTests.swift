import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The stylesheet is written as parts (`Static/styles/`) but a page asks for one file: seven
/// uncached requests per page would cost every page load (everything is served `no-store`).
@Suite struct StaticAssetsTests {
    static let styles = URL(filePath: #filePath).deletingLastPathComponent()
        .appending(path: "../../Sources/FieldworkWeb/Static/styles").standardized

    @Test func aPageLinksOneStylesheetThatHoldsEveryPartInCascadeOrder() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let page = try await client.execute(uri: "/", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            let links = page.matches(of: /<link rel="stylesheet" href="([^"]+)">/).map { String($0.output.1) }
            // The interface's one stylesheet, and the code colours made from the codebook.
            #expect(links == ["/static/app.css", "/static/codes.css"])

            let css = try await client.execute(uri: "/static/app.css", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "text/css; charset=utf-8")
                return String(buffer: response.body)
            }
            let parts = try FileManager.default.contentsOfDirectory(atPath: Self.styles.path).filter { $0.hasSuffix(".css") }
            #expect(parts.count == 7, "\(parts)")
            // Each part whole, and in the order the cascade depends on (theme first, views last).
            var position = css.startIndex
            for name in ["theme.css", "layout.css", "reader.css", "codings.css", "pages.css", "responsive.css", "views.css"] {
                let part = try String(contentsOf: Self.styles.appending(path: name), encoding: .utf8)
                let found = try #require(css[position...].range(of: part), "\(name) is missing or out of order")
                position = found.upperBound
            }
            var total = 6 // the newlines between the seven parts
            for name in parts { total += try String(contentsOf: Self.styles.appending(path: name), encoding: .utf8).count }
            #expect(css.count == total)
            // The parts are not served on their own.
            try await client.execute(uri: "/static/theme.css", method: .get, headers: browser.headers) { #expect($0.status == .notFound) }
        }
    }
}
