import Foundation
import Testing

/// What `fieldwork serve` runs beside its HTTP server: the codings-files watcher is one of the
/// application's services, so a colleague's file that arrives while serving is taken in, with its
/// codings and need–solution links.
@Suite struct ServeBackgroundTests {
    @Test func aColleaguesCodingsFileIsTakenInWhileServing() async throws {
        let served = try CLIRunner.sampleWorkspaceCopy(), colleague = try CLIRunner.sampleWorkspaceCopy()
        defer { for folder in [served, colleague] { try? FileManager.default.removeItem(at: folder) } }
        let theirs = CLIRunner(workspace: colleague), ours = CLIRunner(workspace: served)
        #expect(try await theirs.run("ingest").status == 0)
        let segments = try await theirs.json("segments", "int-001") as? [[String: Any]] ?? []
        let turn = try #require(segments.first { $0["speaker"] as? String == "R01" })
        let start = try #require(turn["start"] as? Int)
        let added = try await theirs.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(start + 20)",
                                   "--code", "need.safety.night", "--coder", "Bo")
        #expect(added.status == 0, "\(added.stderr)")
        let bos = Set((try await theirs.json("code", "list", "--coder", "Bo") as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(bos.count == 1)
        // Need–solution links travel in the same file.
        let linked = try await theirs.run("link", "need.safety.night", "door-sensor", "--rationale", "Nattlig tillsyn", "--coder", "Bo")
        #expect(linked.status == 0, "\(linked.stderr)")

        let server = try await RunningServer.start(workspace: served)
        defer { server.stop() }
        let files = try FileManager.default.contentsOfDirectory(at: colleague.appending(path: "codings"),
                                                                includingPropertiesForKeys: nil)
        let target = served.appending(path: "codings")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for file in files where file.pathExtension == "jsonl" {
            let destination = target.appending(path: file.lastPathComponent)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: file, to: destination)
        }
        // The watcher polls every 2 s; give it up to 20 s on a loaded machine.
        var seen = Set<String>(), links: [String] = []
        for _ in 0..<40 where !bos.isSubset(of: seen) || links.isEmpty {
            try await Task.sleep(for: .milliseconds(500))
            // Until Bo's file is taken in, Bo is no coder here (refused as unknown).
            seen = Set(((try? await ours.json("code", "list", "--coder", "Bo")) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
            let needs = (try? await ours.json("needs")) as? [[String: Any]] ?? []
            links = (needs.first { $0["id"] as? String == "need.safety.night" }?["links"] as? [[String: Any]] ?? [])
                .compactMap { $0["linked_by"] as? String }
        }
        #expect(bos.isSubset(of: seen), "the running server did not take in the colleague's codings file")
        #expect(links == ["Bo"], "the running server did not take in the colleague's need link")
    }
}
