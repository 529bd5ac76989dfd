import FieldworkExchange
import FieldworkTestSupport
import Foundation
import Testing

/// REFI-QDA XML as `import` reads it, fed the inputs fuzzing found (kept in `FuzzCorpus/`) and
/// seeded mutations of a small project: no crash, and an error that names the file.
struct ExchangeFileCheckTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "FuzzCorpus")
    static let project = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="Trygg hemma" origin="NVivo">
          <Users><User guid="9a1f2c3e-0000-4000-8000-000000000001" name="Maja L."/></Users>
          <CodeBook><Codes><Code guid="9a1f2c3e-0000-4000-8000-000000000002" name="Trygghet" isCodable="true">
            <Description>Känna sig säker hemma</Description></Code></Codes></CodeBook>
          <Sources><TextSource guid="9a1f2c3e-0000-4000-8000-000000000003" name="int-001">
            <PlainTextContent>Jag bor ensam och är rädd för att ramla på natten.</PlainTextContent>
            <PlainTextSelection guid="9a1f2c3e-0000-4000-8000-000000000004" name="rädd för att ramla" startPosition="23" endPosition="41">
              <Coding guid="9a1f2c3e-0000-4000-8000-000000000005"><CodeRef targetGUID="9a1f2c3e-0000-4000-8000-000000000002"/></Coding>
            </PlainTextSelection></TextSource></Sources>
        </Project>
        """

    static func expectClear(_ error: any Error, path: String) {
        guard let error = error as? ExchangeError else {
            Issue.record("\(path): not an ExchangeError naming the file: \(error)")
            return
        }
        #expect(error.description.hasPrefix(path), "names the file first: \(error)")
        #expect(!error.description.contains("\n"), "one line: \(error)")
    }

    @Test func theSmallProjectIsRead() throws {
        #expect(try ExchangeFileCheck.check(Data(Self.project.utf8), path: "p.qde") == "project: 1 text source, 1 code")
    }

    @Test func keptFuzzInputsGiveClearErrors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            do {
                _ = try ExchangeFileCheck.check(try Data(contentsOf: Self.corpus.appending(path: name)), path: "fuzz/\(name)")
            } catch {
                Self.expectClear(error, path: "fuzz/\(name)")
            }
        }
    }

    @Test func mutatedProjectsNeverCrash() {
        var mutator = ByteMutator(seed: 11)
        for _ in 0..<300 {
            let input = mutator.mutate(Array(Self.project.utf8))
            do {
                _ = try ExchangeFileCheck.check(Data(input), path: "project.qde")
            } catch {
                Self.expectClear(error, path: "project.qde")
            }
        }
    }
}
