import Testing

/// The fixture itself: a workspace that does not ingest fails only the test that made it.
@Suite struct WebFixtureTests {
    @Test func aWorkspaceThatDoesNotIngestFailsItsTestNamingTheProblem() async throws {
        let error = await #expect(throws: WebFixture.IngestFailed.self) {
            _ = try await WebFixture(files: ["corpus/broken.md": "---\nid: [unclosed\n---\n\nText.\n"])
        }
        #expect(error?.description.contains("broken.md") == true, "\(String(describing: error))")
    }
}
