import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct SearchTests {
    @Test func searchIsRankedDiacriticsAwareAndSafe() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: """
            **R14:** Hemtjänsten kommer på morgonen. Min far hjälper mig.

            **Intervjuare:** Får du hjälp på natten?

            **R14:** Nej, på natten är jag ensam, helt ensam, alltid ensam.
            """))
        try await workspace.ingest()
        let store = workspace.store
        #expect(try await store.search(SearchQuery("hemtjanst*")).count == 1)
        let far = try await store.search(SearchQuery("får"))
        #expect(far.map(\.speaker) == ["Intervjuare"])
        #expect(try await store.search(SearchQuery("far")).count == 2)
        let ensam = try await store.search(SearchQuery("ensam natten"))
        #expect(ensam.first?.snippet(marking: "[", "]").contains("[ensam]") == true)
        #expect(ensam.first?.speaker == "R14")
        // FTS5 syntax in the input is searched for as words, never interpreted (no error).
        #expect(try await store.search(SearchQuery("NEAR(\"x\" OR *) AND")).isEmpty)
    }
}
