import FieldworkCore
import Foundation
import Testing

/// The documents list a page at a time: every store filters, counts and pages the same way,
/// and the same way as `DocumentFilter.matches` (issue 14, "Scale").
@Suite struct DocumentPageContractTests {
    static func change(_ index: Int) -> DocumentChange {
        var change = Fixtures.change(String(format: "d%02d", index), text: "Text \(index).", hash: "h\(index)",
                                     language: index % 3 == 0 ? "en" : index % 3 == 1 ? "sv" : nil)
        change.metadata.type = index % 2 == 0 ? .interview : .note
        change.metadata.title = index == 4 ? "Ärende om natten" : "Anteckning \(index)"
        // Dates out of id order (and some missing): the list is ordered by date, then id.
        change.metadata.date = index % 4 == 0 ? nil : "2025-0\(9 - index % 9)-01"
        change.metadata.administrations = index % 5 == 0 ? [.care, .social] : [.school]
        return change
    }

    @Test(arguments: StoreKind.available) func aPageIsTheFilteredListCutAtOffsetAndLimit(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments((0..<23).map(Self.change))
            let all = try await store.documents()
            #expect(all.count == 23)
            let filters = [DocumentFilter(), DocumentFilter(type: "interview"), DocumentFilter(language: "sv"),
                           DocumentFilter(administration: "care"), DocumentFilter(text: "ÄRENDE"), DocumentFilter(text: "d1"),
                           DocumentFilter(type: "note", language: "en", administration: "school"), DocumentFilter(type: "workshop")]
            for filter in filters {
                let expected = all.filter { filter.matches($0.metadata) }
                for (offset, limit) in [(0, 5), (5, 5), (20, 5), (0, 100), (40, 5)] {
                    let page = try await store.documents(filter, offset: offset, limit: limit)
                    #expect(page.summaries == Array(expected.dropFirst(offset).prefix(limit)), "\(filter) \(offset) \(limit)")
                    #expect(page.matching == expected.count && page.total == 23, "\(filter)")
                    #expect(page.languages == ["en", "sv"])
                }
            }
            #expect(try await store.documents(DocumentFilter(text: "ärende"), offset: 0, limit: 10).summaries.map(\.metadata.id) == ["d04"])
        }
    }

    @Test(arguments: StoreKind.available) func anEmptyStoreHasAnEmptyPage(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let page = try await store.documents(DocumentFilter(), offset: 0, limit: 10)
            #expect(page == DocumentPage(summaries: [], matching: 0, total: 0, languages: []))
        }
    }
}

/// The numbers the documents list's coded share comes from, read without the codings (each
/// store the same): segment lengths, and the spans of anchored codings in use only.
@Suite struct CodingCoverageContractTests {
    let text = "Kaffe med grannen.\n\nPå natten är det tyst.\n\nSista stycket."

    @Test(arguments: StoreKind.available) func coverageHoldsAnchoredCodingsInUseOfTheDocumentsAsked(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a"), Fixtures.change("n2", text: "Annat.", hash: "b"),
                                                Fixtures.change("n3", text: "Okodat.", hash: "c")])
            let segments = try await store.segments(documentID: "n1")
            let kaffe = try Fixtures.span(of: "Kaffe med", in: text)
            let grannen = try Fixtures.span(of: "med grannen", in: text)
            let natten = try Fixtures.span(of: "natten", in: text)
            try await store.insertCoding(Fixtures.coding("c-1", in: text, span: kaffe))
            try await store.insertCoding(Fixtures.coding("c-2", in: text, span: grannen, coder: "Bo"))
            try await store.insertCoding(Fixtures.coding("c-3", in: text, span: natten))
            // Removed, and orphaned: neither covers anything.
            try await store.insertCoding(Fixtures.coding("c-4", in: text, span: try Fixtures.span(of: "Sista", in: text)))
            try await store.removeCoding(id: "c-4", by: "Bo", expectedVersion: 1)
            var orphan = Fixtures.coding("c-5", in: text, span: try Fixtures.span(of: "stycket", in: text))
            orphan.status = .orphaned
            try await store.insertCoding(orphan)
            try await store.insertCoding(Fixtures.coding("c-6", in: "Annat.", span: 0..<5, document: "n2"))

            let coverage = try await store.codingCoverage(documentIDs: ["n1", "n3", "nope"])
            #expect(Set(coverage.keys) == ["n1", "n3"])
            let n1 = try #require(coverage["n1"])
            #expect(n1.segmentLength == segments.reduce(0) { $0 + $1.end - $1.start })
            #expect(n1.spans.sorted { $0.lowerBound < $1.lowerBound } == [kaffe, grannen, natten])
            #expect(coverage["n3"] == CodingCoverage(segmentLength: 7, spans: []))
            // "Kaffe med grannen" once, though two codings overlap on "med", and "natten".
            #expect(n1.share == Double("Kaffe med grannen".count + "natten".count) / Double(n1.segmentLength))
            #expect(try await store.codingCoverage(documentIDs: []).isEmpty)
        }
    }
}
