import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// Every workspace parser, fed the inputs fuzzing found interesting (kept in `FuzzCorpus/KIND/`)
/// and seeded mutations of the sample workspace's real files: nothing may crash or hang, and
/// whatever is wrong is one line per problem naming the file (and line where the parser can).
/// `make stress` runs the same entry point under libFuzzer for longer (bench/fuzz).
struct WorkspaceFileCheckTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let checker = WorkspaceFileCheck(participants: ["R01", "R02", "S01"], solutions: ["smart-stove-guard"])

    /// A real file per kind (or a small valid one where the sample workspace has none).
    static let seeds: [(WorkspaceFileKind, String, [UInt8])] = [
        (.document, "corpus/interviews/int-001.md", sample("corpus/interviews/int-001.md")),
        (.document, "corpus/policy-lab/pl-001.md", sample("corpus/policy-lab/pl-001.md")),
        (.codebook, "codebooks/fieldwork.yaml", sample("codebooks/fieldwork.yaml")),
        (.participants, "corpus/participants.yaml", sample("corpus/participants.yaml")),
        (.devices, "corpus/devices.yaml", sample("corpus/devices.yaml")),
        (.solutions, "codebooks/solutions.yaml", sample("codebooks/solutions.yaml")),
        (.actors, "corpus/actors.yaml", sample("corpus/actors.yaml")),
        (.codings, "codings/jonas-ek.jsonl", sample("codings/jonas-ek.jsonl")),
        (.senml, "corpus/telemetry/pilot-2025-08.senml.json", sample("corpus/telemetry/pilot-2025-08.senml.json")),
        (.telemetryCSV, "corpus/telemetry/pilot-2025-08.csv", sample("corpus/telemetry/pilot-2025-08.csv")),
        (.redactions, "corpus/redactions.yaml", Array("redactions:\n  - {identifier: Storgatan 5, replacement: \"[adress]\"}\n".utf8)),
        (.access, "corpus/access.yaml", Array("restricted:\n  - document_type: policy-lab\n    coders: [Anna, Bo]\n  - participant: R01\n    coders: [Maja L.]\n".utf8)),
        (.settings, "fieldwork.yaml", Array("interface_language: sv\npublication:\n  min_count: 5\n".utf8)),
        (.workshopPlan, "plan.yaml", Array("title: Trygg hemma\ndate: 2025-09-12\nstations:\n  - name: Natten\n    theme: need.safety.night\n".utf8)),
        (.webVTT, "int.vtt", Array("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v R01>Jag bor ensam.\n".utf8)),
        (.subRip, "int.srt", Array("1\n00:00:01,000 --> 00:00:04,000\nR01: Jag bor ensam.\n".utf8)),
    ]

    static func sample(_ path: String) -> [UInt8] {
        (try? Array(Data(contentsOf: repository.appending(path: path)))) ?? []
    }

    /// The oracle: a problem is reported, never a crash, and reported clearly.
    static func expectClear(_ error: any Error, path: String, kind: WorkspaceFileKind, input: [UInt8]) {
        let problems: [SourceProblem]
        switch error {
        case let error as SourceProblem: problems = [error]
        case let error as SourceProblems: problems = error.problems
        default:
            Issue.record("\(kind) \(path): not a problem naming file and line: \(error) (input \(input.count) bytes)")
            return
        }
        #expect(!problems.isEmpty)
        for problem in problems {
            #expect(problem.location.file == path, "\(kind): \(problem)")
            #expect(!problem.message.contains("\n"), "\(kind): a problem takes one line: \(problem)")
            #expect(problem.message.count <= 600, "\(kind): no input dumped into a message (\(problem.message.count) characters)")
        }
    }

    /// The seeds are sound: read against the sample workspace's own registers, as `fieldwork check` does.
    @Test func theSampleWorkspaceFilesAreRead() throws {
        let workspace = Workspace(root: Self.repository)
        let registers = WorkspaceFileCheck.context(of: workspace)
        #expect(registers.participants.contains("R01") && registers.solutions.count > 1)
        for (kind, path, bytes) in Self.seeds {
            #expect(!bytes.isEmpty, "\(path) is missing")
            _ = try WorkspaceFileCheck.context(of: workspace, excluding: path).check(Data(bytes), as: kind, path: path)
        }
    }

    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: here.appending(path: "FuzzCorpus").path).sorted())
    func keptFuzzInputsGiveClearProblems(folder: String) throws {
        let kind = try #require(WorkspaceFileKind(rawValue: folder), "FuzzCorpus/\(folder) is named after a kind")
        let folderURL = Self.here.appending(path: "FuzzCorpus/\(folder)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folderURL.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let bytes = Array(try Data(contentsOf: folderURL.appending(path: name)))
            do {
                _ = try Self.checker.check(Data(bytes), as: kind, path: "fuzz/\(name)")
            } catch {
                Self.expectClear(error, path: "fuzz/\(name)", kind: kind, input: bytes)
            }
        }
    }

    /// Short and bounded here (200 mutations of each seed); `make stress` fuzzes for minutes.
    @Test func mutatedSampleFilesNeverCrashAndAreReportedClearly() {
        var mutator = ByteMutator(seed: 14)
        for (kind, path, bytes) in Self.seeds {
            for _ in 0..<200 {
                let input = mutator.mutate(bytes)
                do {
                    _ = try Self.checker.check(Data(input), as: kind, path: path)
                } catch {
                    Self.expectClear(error, path: path, kind: kind, input: input)
                }
            }
        }
    }

    @Test(arguments: [
        ("corpus/interviews/int-001.md", WorkspaceFileKind.document), ("corpus/README.md", nil),
        ("codebooks/fieldwork.yaml", .codebook), ("fieldwork.yaml", .settings), ("codebooks/solutions.yaml", .solutions),
        ("corpus/participants.yaml", .participants), ("corpus/devices.yaml", .devices), ("corpus/actors.yaml", .actors),
        ("corpus/redactions.yaml", .redactions), ("corpus/access.yaml", .access), ("codings/maja-lind.jsonl", .codings),
        ("corpus/telemetry/a.senml.json", .senml), ("corpus/telemetry/a.json", .senml), ("a.csv", .telemetryCSV),
        ("x.vtt", .webVTT), ("x.srt", .subRip), ("plans/ws.yaml", nil), ("notes.txt", nil),
    ] as [(String, WorkspaceFileKind?)])
    func kindsFollowTheWorkspaceLayout(path: String, kind: WorkspaceFileKind?) {
        #expect(WorkspaceFileKind.infer(path: path) == kind)
    }
}
