import Foundation
import Testing

/// Codings-file records naming what the workspace lacks: `check` names file and line before
/// anything is taken in; ingest keeps a coding of an unknown code (never dropped silently) and
/// says where it is, once per file and code.
@Suite struct CodingsFileReferencesCLITests {
    /// The sample's codings files, with two of Maja's codings of `need.safety.night` moved to a
    /// code this codebook lacks, one memo moved to another missing code, and one link to an unknown solution.
    static func workspace() throws -> (root: URL, lines: [Int]) {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        let file = root.appending(path: "codings/maja-lind.jsonl")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        var changed: [Int] = []
        for index in lines.indices where changed.count < 2 && lines[index].contains("\"code\":\"need.safety.night\"") {
            lines[index] = lines[index].replacingOccurrences(of: "\"code\":\"need.safety.night\"", with: "\"code\":\"need.nosuch\"")
            changed.append(index + 1)
        }
        let link = try #require(lines.firstIndex { $0.contains("\"type\":\"need_link\"") && !$0.contains("\"removed\"") })
        lines[link] = lines[link].replacingOccurrences(of: #""solution":""#, with: #""solution":"x-"#)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return (root, changed + [link + 1])
    }

    @Test func checkNamesEachRecordThatNamesWhatTheWorkspaceLacks() async throws {
        let (root, lines) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let checked = try await cli.run("check", "codings/maja-lind.jsonl", "codings/jonas-ek.jsonl")
        #expect(checked.status == 1)
        let problems = checked.stderr.split(separator: "\n").filter { $0.hasPrefix("codings/") }
        #expect(problems.count == 3, "\(checked.stderr)")
        #expect(problems.prefix(2).map { $0.hasPrefix("codings/maja-lind.jsonl:\(lines[0]):") || $0.hasPrefix("codings/maja-lind.jsonl:\(lines[1]):") } == [true, true])
        #expect(problems.prefix(2).allSatisfy { $0.contains("names code 'need.nosuch', which is not in the codebook") }, "\(checked.stderr)")
        #expect(problems[2].hasPrefix("codings/maja-lind.jsonl:\(lines[2]): need link ") && problems[2].contains("no solution 'x-"), "\(checked.stderr)")
        // The other file is fine, and so are the sample's own files.
        #expect(checked.stdout.contains("ok codings/jonas-ek.jsonl: "), "\(checked.stdout)")
        let sample = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        defer { try? FileManager.default.removeItem(at: sample.workspace) }
        let files = try FileManager.default.contentsOfDirectory(atPath: sample.workspace.appending(path: "codings").path)
            .filter { $0.hasSuffix(".jsonl") }.map { "codings/" + $0 }
        let clean = try await sample.run(["check"] + files)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    }

    @Test func ingestKeepsCodingsOfAnUnknownCodeAndSaysWhereOncePerFileAndCode() async throws {
        let (root, lines) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let warnings = ingest.stderr.split(separator: "\n").filter { $0.contains("need.nosuch") }
        #expect(warnings.count == 1, "\(ingest.stderr)")
        #expect(warnings.first?.hasPrefix("warning: codings/maja-lind.jsonl:\(lines[0]): coding c-") == true, "\(ingest.stderr)")
        #expect(warnings.first?.contains("names code 'need.nosuch', which is not in the codebook (kept; 2 codings of this file name it)") == true)
        // Kept: both are in the store.
        let listed = try await cli.json("code", "list") as? [[String: Any]] ?? []
        #expect(listed.filter { $0["code"] as? String == "need.nosuch" }.count == 2, "\(listed.prefix(1))")
        // Once the code is in the codebook, ingest says nothing more.
        let codebook = root.appending(path: "codebooks/fieldwork.yaml")
        let text = try String(contentsOf: codebook, encoding: .utf8)
        try text.replacingOccurrences(of: "          - id: need.safety.night\n",
                                       with: "          - id: need.nosuch\n            name: Nosuch\n          - id: need.safety.night\n")
            .write(to: codebook, atomically: true, encoding: .utf8)
        let again = try await cli.run("ingest")
        #expect(!again.stderr.contains("need.nosuch"), "\(again.stderr)")
    }
}
