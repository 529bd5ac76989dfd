import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: `/cooccurrence` shows each cell's number in the cell, in a solid colour
/// step, and offers the study's coders to choose from. A weak cell was a 15 % tint with its
/// numbers only in a tooltip, and the hint told people to type `?coder=NAME` into the address.
@Suite struct CooccurrencePageTests {
    @Test func cellsShowTheirNumbersAndTheCodersAreOfferedByName() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            try await client.execute(uri: "/cooccurrence?coder=Anna", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(!html.contains("?coder=NAME"))
                #expect(html.contains("<form class=\"filters\" method=\"get\" action=\"/cooccurrence\"><label>Coder <select name=\"coder\">"
                    + "<option value=\"\">All coders</option><option value=\"Anna\" selected>Anna</option><option value=\"Bo\">Bo</option></select>"))
                // Jaccard 0.500: the third of five steps, drawn in both halves, each with its count.
                #expect(html.components(separatedBy: "class=\"heat heat-3\" fill=\"#2f5ea8\"").count == 3)
                #expect(!html.contains("fill-opacity"))
                #expect(html.components(separatedBy: "aria-hidden=\"true\">1</text></a>").count == 3)
                #expect(!html.contains("style="))
            }
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            try await client.execute(uri: "/cooccurrence", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<label>Kodare <select name=\"coder\"><option value=\"\">Alla kodare</option><option value=\"Anna\">"))
                #expect(!html.contains("?coder=NAME"))
            }
        }
    }

    @Test func everyJaccardIndexFallsInOneOfFiveSteps() {
        #expect([0.01, 0.2, 0.21, 0.5, 0.61, 0.8, 0.81, 1].map(CooccurrencePage.step) == [1, 1, 2, 3, 4, 4, 5, 5])
    }
}

/// A count of four digits or more is drawn narrower to fit its 22-pixel cell (at 10 pixels,
/// "1234" ran over the next cell); three digits keep their natural width.
@Suite struct CooccurrenceCellCountTests {
    @Test func longCountsAreFittedToTheCell() {
        let short = CooccurrencePage.count(999, x: 10, y: 20).rendered
        let long = CooccurrencePage.count(1234, x: 10, y: 20).rendered
        #expect(!short.contains("textLength") && short.hasSuffix(">999</text>"))
        #expect(long.contains("textLength=\"\(CooccurrencePage.cell - 4)\" lengthAdjust=\"spacingAndGlyphs\"") && long.hasSuffix(">1234</text>"))
    }
}
