import FieldworkCore
import Foundation
import Testing

/// Search finds the same segments on every store: words all must occur, "phrases", prefix*,
/// diacritics folded for words typed without them, and kept for words typed with them.
@Suite struct SearchContractTests {
    let first = "Hemtjänsten kommer på natten och dörren är låst."
    let second = "Min far får hjälp med kaffe varje morgon."
    let third = "Tryggheten i hemmet betyder mest, trygg på natten."
    let english = "The home care staff come at night (need.safety.night, staff@example.se)."

    private func hits(_ store: any FieldworkStore, _ query: String) async throws -> Set<String> {
        Set(try await store.search(SearchQuery(query)).map { "\($0.documentID)#\($0.segmentIndex)" })
    }

    @Test(arguments: StoreKind.available) func searchFindsTheSameSegments(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([
                Fixtures.change("s1", text: first + "\n\n" + second, hash: "a"),
                Fixtures.change("s2", text: third, hash: "b"),
                Fixtures.change("e1", text: english, hash: "c", language: "en"),
            ])
            #expect(try await hits(store, "natten") == ["s1#0", "s2#0"])
            #expect(try await hits(store, "hemtjansten") == ["s1#0"])  // typed without ä: folded
            #expect(try await hits(store, "hemtjänsten") == ["s1#0"])
            #expect(try await hits(store, "får") == ["s1#1"])  // typed with å: must match å
            #expect(try await hits(store, "far") == ["s1#1"])  // "far" is a word of its own there
            #expect(try await hits(store, "lost").isEmpty)  // "låst" typed as "lost" is another word
            #expect(try await hits(store, "trygg*") == ["s2#0"])
            // A prefix typed with å or ä begins a word with it: "låst" and "på" hold an å, no word begins with one.
            #expect(try await hits(store, "å*").isEmpty)
            #expect(try await hits(store, "ä*") == ["s1#0"])
            #expect(try await hits(store, "lå*") == ["s1#0"])
            #expect(try await hits(store, "\"dörren är låst\"") == ["s1#0"])
            #expect(try await hits(store, "\"låst dörren\"").isEmpty)
            #expect(try await hits(store, "kaffe natten").isEmpty)  // every word must occur
            #expect(try await hits(store, "night") == ["e1#0"])
            #expect(try await hits(store, "\"home care\"") == ["e1#0"])
            #expect(try await hits(store, "safety") == ["e1#0"])  // a word inside a dotted code id
            #expect(try await hits(store, "example") == ["e1#0"])  // and inside an address
            #expect(try await hits(store, "OR AND NOT \" ' : * & | ! <->").isEmpty)  // no syntax gets through
            #expect(try await store.search(SearchQuery("")).isEmpty)
        }
    }

    @Test(arguments: StoreKind.available) func hitsCarryTheirPlaceAndAMarkedSnippet(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            _ = try await store.applyDocuments([Fixtures.change("s1", text: first + "\n\n" + second, hash: "a")])
            let hit = try #require(try await store.search(SearchQuery("kaffe")).first)
            #expect(hit.documentID == "s1" && hit.documentTitle == "T s1" && hit.segmentIndex == 1)
            // What the consent rule needs of the document comes with the hit (no document read).
            #expect(hit.documentType == .note && hit.documentDate == nil)
            #expect(hit.start == ScalarText(first).count + 2 && hit.end == hit.start + ScalarText(second).count)
            #expect(hit.snippet(marking: "[", "]").contains("[kaffe]"))
            let limited = try await store.search(SearchQuery("natten OR", limit: 1))
            #expect(limited.count <= 1)
        }
    }

    /// Only the first `rankingWindow` matches in corpus order are ranked, so a broad search costs
    /// the window, not every match; a search matching fewer is ranked whole.
    @Test(arguments: StoreKind.available) func onlyTheRankingWindowIsRanked(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let long = "Vi pratade länge om hur det går med hemtjänsten och grannarna, och sedan om natten."
            _ = try await store.applyDocuments([
                Fixtures.change("w1", text: [long, long, "Natten, natten."].joined(separator: "\n\n"), hash: "a"),
            ])
            let whole = try await store.search(SearchQuery("natten"))
            #expect(whole.map(\.segmentIndex).first == 2)  // the short segment ranks best
            #expect(whole.count == 3)
            #expect(try await store.search(SearchQuery("natten", limit: 2)).first?.segmentIndex == 2)
            let windowed = try await store.search(SearchQuery("natten", limit: 2, rankingWindow: 2))
            #expect(Set(windowed.map(\.segmentIndex)) == [0, 1])  // the third match is past the window
            // Pages follow the ranking.
            let second = try await store.search(SearchQuery("natten", limit: 1, offset: 1))
            #expect(second.map(\.segmentIndex) == [whole[1].segmentIndex])
            #expect(try await store.search(SearchQuery("natten", limit: 5, offset: 3)).isEmpty)
            // The window never holds fewer candidates than the page asks for.
            #expect(try await store.search(SearchQuery("natten", limit: 3, rankingWindow: 1)).count == 3)
            // The diacritics rule reads candidates' texts a page at a time down the ranking: the
            // better-ranked "far" segments (short) are passed over until a "får" one comes.
            _ = try await store.applyDocuments([
                Fixtures.change("f1", text: ["Far.", "Far, far.", "Far kom.", "Jag får hjälp av min far ibland, sa hon."].joined(separator: "\n\n"), hash: "f"),
            ])
            #expect(try await store.search(SearchQuery("får", limit: 1)).map(\.segmentIndex) == [3])
            #expect(try await store.search(SearchQuery("får", limit: 1, offset: 1)).isEmpty)
            #expect(try await store.search(SearchQuery("far", limit: 1)).first?.documentID == "f1")
        }
    }
}
