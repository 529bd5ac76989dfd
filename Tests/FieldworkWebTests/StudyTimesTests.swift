import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Memos' times on the document page (absent after a reload) and in the print view (UTC, with
/// no zone said) are the study's, as on the audit page (found by a new user).
@Suite struct StudyTimesTests {
    @Test func memoTimesOnTheDocumentPageAndInPrintAreTheStudys() async throws {
        let fixture = try await WebFixture()
        let memo = try await fixture.context.memos.add(target: .document, targetID: "int-001", author: "Anna", text: "Natten först.")
        var stockholm = Calendar(identifier: .gregorian)
        stockholm.timeZone = try #require(TimeZone(identifier: "Europe/Stockholm"))
        let expected = [memo.createdAt, memo.updatedAt].map { date in
            let parts = stockholm.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let shown = String(format: "%04d-%02d-%02d %02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
            let stamp = UTCTime.isoTimestamp(date: date)
            return "Anna · <time datetime=\"\(stamp)\" title=\"\(stamp)\">\(shown)</time>"
        }
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (uri, meta) in zip(["/documents/int-001", "/documents/int-001/print"], expected) {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains(meta), "\(uri)")
                    #expect(html.contains("<meta name=\"time-zone\" content=\"Europe/Stockholm\">"), "\(uri)")
                }
            }
        }
    }
}
