import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// Projects whose positions are not code points (NVivo's UTF-16, CRLF counted as one): every
/// coding must land on its own text or not be imported at all.
struct ForeignPositionsImportTests {
    static let code = ForeignProject.guid(1)
    /// Quotes before, between and after the interview's emoji (👩‍👩‍👧 is 5 code points and 8
    /// UTF-16 units, 👍🏽 2 and 4), so that every reading but the right one shifts some of them.
    static let quotes = ["Familjen", "ringer varje kväll", "och då känner jag mig trygg på natten",
                         "Hemtjänsten kommer tre gånger", "kostar för mycket"]

    static func project(_ workspace: ExchangeWorkspace, counting: ForeignProject.Counting, origin: String,
                        named: Bool = true, crlf: Bool = true) async throws -> ForeignProject {
        let plain = try await workspace.plainText("int-014").string
        let text = "\u{FEFF}" + (crlf ? plain.replacing("\n", with: "\r\n") : plain)
        var project = ForeignProject(origin: origin, counting: counting)
        project.codes = [(code, "Safety at home", true, nil)]
        project.sources = [.init(name: "Intervju 14", text: text,
                                 selections: quotes.map { .init(quote: $0, code: code, named: named) })]
        return project
    }

    static func importing(_ workspace: ExchangeWorkspace, _ project: ForeignProject) async throws -> ImportReport {
        try await QDPXImport(context: workspace.context).run(try project.pack(), options: ImportOptions(coder: "Chen"))
    }

    /// The quotes of the codings in the store, in order of position.
    static func importedQuotes(_ workspace: ExchangeWorkspace) async throws -> [String] {
        try await workspace.store.codings(CodingFilter()).sorted { $0.start < $1.start }.map(\.quote)
    }

    @Test(arguments: [(ForeignProject.Counting.utf16, PositionReading.utf16, "MAXQDA 24"),
                      (.codePointsCRLFAsOne, .codePointsCRLFAsOne, "ATLAS.ti 23"),
                      (.codePoints, .codePoints, "QualCoder 3.6"),
                      (.utf8, .utf8, "Some tool")])
    func quotesChooseTheReading(counting: ForeignProject.Counting, reading: PositionReading, origin: String) async throws {
        let workspace = try await ExchangeWorkspace()
        let report = try await Self.importing(workspace, try await Self.project(workspace, counting: counting, origin: origin))
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.sources.map(\.positions) == [reading])
        #expect(report.sources.first?.basis == "quotes agree: 5 of 5")
        #expect(try await Self.importedQuotes(workspace) == Self.quotes)
        #expect(report.lines.contains("    Intervju 14 → int-014: positions read as \(reading.rawValue) (quotes agree: 5 of 5)"))
    }

    @Test func nvivoWithoutQuotesIsReadAsUTF16() async throws {
        let workspace = try await ExchangeWorkspace()
        let project = try await Self.project(workspace, counting: .utf16, origin: "NVivo 14", named: false, crlf: false)
        let report = try await Self.importing(workspace, project)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.sources.map(\.positions) == [.utf16])
        #expect(report.sources.first?.basis == "no quotes to check; NVivo 14 counts UTF-16 code units; 5 of 5 spans fall on word boundaries")
        #expect(try await Self.importedQuotes(workspace) == Self.quotes)
    }

    @Test func withoutQuotesOrAKnownToolWordBoundariesDecide() async throws {
        let workspace = try await ExchangeWorkspace()
        let project = try await Self.project(workspace, counting: .utf16, origin: "Unknown exporter", named: false, crlf: false)
        let report = try await Self.importing(workspace, project)
        #expect(report.sources.map(\.positions) == [.utf16])
        #expect(report.sources.first?.basis.hasPrefix("no quotes to check; spans fall on word boundaries 5 of 5 times as UTF-16") == true)
        #expect(try await Self.importedQuotes(workspace) == Self.quotes)
    }

    @Test func aQuoteThatDisagreesUnderEveryReadingIsNotImported() async throws {
        let workspace = try await ExchangeWorkspace()
        var project = try await Self.project(workspace, counting: .utf16, origin: "MAXQDA 24")
        project.sources[0].selections[2].shift = 3  // lands three units later than its quote
        let report = try await Self.importing(workspace, project)
        #expect(report.sources.first?.basis == "quotes agree: 4 of 5")
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.reason.contains("disagrees with the text") == true)
        #expect(report.problems.first?.reason.contains("under every reading") == true)
        var expected = Self.quotes
        expected.remove(at: 2)
        #expect(try await Self.importedQuotes(workspace) == expected)
    }

    /// One selection counted in code points among UTF-16 ones: it would fit another reading, and
    /// is still not imported (one source, one reading), with that said.
    @Test func aQuoteThatFitsOnlyAnotherReadingIsNotImported() async throws {
        let workspace = try await ExchangeWorkspace()
        var project = try await Self.project(workspace, counting: .utf16, origin: "MAXQDA 24", crlf: false)
        project.sources[0].selections[1].shift = -3  // after 👩‍👩‍👧: 3 UTF-16 units more than code points
        let report = try await Self.importing(workspace, project)
        #expect(report.sources.map(\.positions) == [.utf16] && report.sources.first?.basis == "quotes agree: 4 of 5")
        #expect(report.problems.map(\.reason) == ["its quote agrees with the text only when positions count code points, "
            + "but the source's other selections count UTF-16 code units; not imported"])
        #expect(try await Self.importedQuotes(workspace) == Self.quotes.enumerated().filter { $0.offset != 1 }.map(\.element))
    }

    @Test func aSpanThatSplitsCRLFSaysSo() async throws {
        let workspace = try await ExchangeWorkspace()
        var project = try await Self.project(workspace, counting: .codePoints, origin: "Tool", named: false)
        // Ends one code point after "trygg på natten.": between the CR and the LF.
        project.sources[0].selections = [.init(quote: "och då känner jag mig trygg på natten.\r", code: Self.code, named: false)]
        let report = try await Self.importing(workspace, project)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.reason.contains("between the CR and the LF of a line break") == true,
                "\(report.problems)")
        #expect(try await Self.importedQuotes(workspace).isEmpty)
    }

    @Test func readingsTranslatePositionsToCodePoints() {
        let scalars = Array("a😀\r\nb".unicodeScalars)  // a, 😀, CR, LF, b
        #expect(PositionReading.codePoints.scalarIndices(scalars) == [0, 1, 2, 3, 4, 5])
        #expect(PositionReading.utf16.scalarIndices(scalars) == [0, 1, nil, 2, 3, 4, 5])
        #expect(PositionReading.codePointsCRLFAsOne.scalarIndices(scalars) == [0, 1, 2, 4, 5])
        #expect(PositionReading.utf16CRLFAsOne.scalarIndices(scalars) == [0, 1, nil, 2, 4, 5])
        #expect(PositionReading.utf8.scalarIndices(scalars) == [0, 1, nil, nil, nil, 2, 3, 4, 5])
    }

    @Test func quotesAreComparedAsExportersWriteThem() {
        #expect(QuoteComparison.agrees(quote: "två\r\nrader", text: "två\nrader"))
        #expect(QuoteComparison.agrees(quote: "Cafe\u{301}  ok", text: "Café ok"))
        #expect(QuoteComparison.agrees(quote: "Hemtjänsten kommer…", text: "Hemtjänsten kommer tre gånger"))
        #expect(!QuoteComparison.agrees(quote: "emtjänsten kommer", text: "Hemtjänsten kommer"))
        #expect(QuoteComparison.quote(from: "  \n") == nil && QuoteComparison.quote(from: nil) == nil)
    }
}
