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
