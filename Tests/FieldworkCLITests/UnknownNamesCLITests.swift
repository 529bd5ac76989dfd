import Foundation
import Testing

/// A filter naming nothing (`--code nope`, `--coder Nobody`, `--document int-999`) is refused
/// with the nearest names: it gave an empty list or file and exit status 0, read as "no codings".
@Suite struct UnknownNamesCLITests {
    @Test func anUnknownNameIsRefusedWithTheNearestNames() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let refusals: [([String], String)] = [
            (["code", "list", "--code", "need.safty"], "no code 'need.safty' in the codebook; did you mean need.safety"),
            (["code", "list", "--coder", "Maja Lindh"], "no coder 'Maja Lindh' with codings; did you mean Maja Lind"),
            (["code", "list", "--document", "int-0001"], "no document 'int-0001' in the corpus; did you mean int-001"),
            (["export", "segments", "--coder", "Nobody", "--out", "exports/x.csv"], "no coder 'Nobody' with codings; did you mean "),
            (["export", "needs", "--coder", "Nobody", "--out", "exports/x.csv"], "no coder 'Nobody' with codings; did you mean "),
            (["export", "matrix", "--rows", "participant", "--coder", "Nobody", "--out", "exports/x.csv"], "no coder 'Nobody' with codings; did you mean "),
            (["export", "cooccurrence", "--coder", "Nobody", "--out", "exports/x.csv"], "no coder 'Nobody' with codings; did you mean "),
            // A participant attribute no one has gave 0 rows, every coding "in no row", status 0.
            (["export", "matrix", "--rows", "attribute:living_situaton", "--out", "exports/x.csv"],
             "no participant attribute 'living_situaton' in corpus/participants.yaml; did you mean living_situation"),
            (["export", "matrix", "--rows", "attribute:nope", "--out", "exports/x.csv"],
             "no participant attribute 'nope' in corpus/participants.yaml; did you mean "),
            (["export", "matrix", "--rows", "participant", "--attribute", "age-band", "--out", "exports/x.csv"],
             "no participant attribute 'age-band' in corpus/participants.yaml; did you mean age_band"),
            (["needs", "--coder", "Nobody"], "no coder 'Nobody' with codings; did you mean "),
            (["agreement", "--code", "nope"], "no code 'nope' in the codebook; did you mean "),
            (["agreement", "--coders", "Maja Lind,Nobody"], "no coder 'Nobody' with codings; did you mean "),
            // A theme naming no code said only "see `fieldwork codebook show`".
            (["handout", "--theme", "need.safty.night"], "no code 'need.safty.night' in the codebook; did you mean need.safety.night"),
        ]
        for (command, message) in refusals {
            let result = try await cli.run(command)
            #expect(result.status == 1, "\(command): \(result.stdout)")
            #expect(result.stderr.contains(message) && result.stderr.split(separator: "\n").count == 1, "\(command): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "exports/x.csv").path))
        // A name that is there but filters everything out is an empty answer, not an error: the
        // person acting, with no codings yet.
        let mine = try await cli.run(["code", "list", "--coder", "Nova", "--json"], environment: ["FIELDWORK_CODER": "Nova"])
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(mine.stdout.utf8)) as? [Any])?.isEmpty == true, "\(mine.stdout)")
        let export = try await cli.run(["export", "segments", "--coder", "Nova", "--out", "exports/nova.csv"], environment: ["FIELDWORK_CODER": "Nova"])
        #expect(export.status == 0 && export.stdout.contains("wrote 0 codings"), "\(export.stderr)")
    }

    /// Whatever is not there is said in one shape, `no KIND 'NAME'…`: some commands said
    /// "not found: coding c-…", others "no document '…'" or "unknown code '…'".
    @Test func everythingNotThereIsSaidInOneShape() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let span = ["--start", "0", "--end", "3", "--coder", "Anna"]
        let cases: [([String], String)] = [
            (["code", "history", "c-000000000000"], "Error: no coding 'c-000000000000'"),
            (["code", "remove", "c-000000000000"], "Error: no coding 'c-000000000000'"),
            (["code", "add", "int-0001", "--code", "need"] + span, "Error: no document 'int-0001'"),
            (["segments", "int-0001"], "Error: no document 'int-0001' in the corpus; did you mean int-001"),
            (["telemetry", "summary", "--device", "nope"], "Error: no device 'nope' in corpus/devices.yaml or the readings; did you mean r0"),
            (["telemetry", "summary", "--participant", "R99"], "Error: no participant 'R99' in corpus/participants.yaml; did you mean "),
        ]
        for (command, message) in cases {
            let result = try await cli.run(command)
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix(message), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("not found") && !result.stderr.contains("unknown"), "\(command): \(result.stderr)")
        }
    }
}
