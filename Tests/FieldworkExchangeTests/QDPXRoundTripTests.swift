import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// Export, then import into a fresh workspace with the same corpus: the same codings with the
/// same quotes come back, emoji ZWJ sequences and combining marks included.
struct QDPXRoundTripTests {
    private func memoFacts(_ workspace: ExchangeWorkspace) async throws -> [[String]] {
        try await workspace.store.memos(target: nil, targetID: nil)
            .map { [$0.target.rawValue, $0.targetID, $0.author, $0.text] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test func exportThenImportGivesTheSameCodingsQuotesAndMemos() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let file = Archives.temporaryURL("roundtrip.qdpx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await QDPXExport(context: source.context).write(to: file)

        let target = try await ExchangeWorkspace()
        let report = try await QDPXImport(context: target.context).run(file, options: ImportOptions(coder: "someone-else"))
        #expect(report.problems.isEmpty, "\(report.lines.joined(separator: "\n"))")
        #expect(report.written && report.codesMatched == 5 && report.codesAdded.isEmpty)
        #expect(report.codingsImported == 4 && report.memosImported == 3)
        #expect(Set(report.sources.map(\.document)) == ["int-014", "ws-001"])
        let expected = try await source.codingFacts()
        #expect(expected.contains { $0[4] == "Familjen 👩‍👩‍👧 ringer" } && expected.contains { $0[4].hasPrefix("n̈attlarmet") })
        #expect(try await target.codingFacts() == expected)
        #expect(try await memoFacts(target) == (try await memoFacts(source)))
        // The codebook file was not touched: every code matched.
        #expect(try target.read("codebooks/codebook.yaml") == ExchangeWorkspace.codebook)
    }

    /// Into an empty workspace the project's cases become participants: with the administrations
    /// our export marks (`Administration: Social services` = true), which a round trip lost
    /// (found by a new user).
    @Test func intoAnEmptyWorkspaceTheCasesComeBackWithTheirAdministrations() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let file = Archives.temporaryURL("empty.qdpx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await QDPXExport(context: source.context).write(to: file)
        let target = try await ExchangeWorkspace(corpus: [:], participants: "participants: []\n")
        let report = try await QDPXImport(context: target.context).run(file, options: ImportOptions(coder: "x"))
        #expect(report.written && report.problems.isEmpty, "\(report.lines.joined(separator: "\n"))")
        let before = Dictionary(uniqueKeysWithValues: try await source.store.participants().map { ($0.id, $0.administrations) })
        let after = try await target.store.participants()
        #expect(!after.isEmpty)
        for participant in after {
            #expect(participant.administrations == before[participant.id], "\(participant.id)")
        }
        #expect(after.contains { $0.administrations == [.social, .care] })
        #expect(try target.read("corpus/participants.yaml").contains("administrations: [social, care]"))
    }

    @Test func importingTheSameProjectTwiceAddsNothing() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let file = Archives.temporaryURL("twice.qdpx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await QDPXExport(context: source.context).write(to: file)
        let again = try await QDPXImport(context: source.context).run(file, options: ImportOptions(coder: "x"))
        #expect(again.codingsImported == 0 && again.codingsAlreadyPresent == 4)
        #expect(again.memosImported == 0 && again.memosAlreadyPresent == 3)
        #expect(try await source.store.codings(CodingFilter()).count == 4)
        // Its cases are the register's participants: said so, not listed as left out (found by a new user).
        #expect(again.casesAlreadyParticipants == (try await source.store.participants().count) && again.casesAlreadyParticipants > 0)
        #expect(!again.notImported.contains { $0.contains("case") }, "\(again.notImported)")
        #expect(again.lines.contains("  cases: \(again.casesAlreadyParticipants) already participants in corpus/participants.yaml"))
    }

    @Test func aCorpusSavedWithCRLFAndDecomposedLettersStillMaps() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let file = Archives.temporaryURL("crlf.qdpx")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try await QDPXExport(context: source.context).write(to: file)
        // The same transcripts, saved on another machine with CRLF and NFD: the same plain text.
        let twin = ExchangeWorkspace.interview.replacing("\n", with: "\r\n").decomposedStringWithCanonicalMapping
        let target = try await ExchangeWorkspace(corpus: ["corpus/int-014.md": twin, "corpus/ws-001.md": ExchangeWorkspace.workshop])
        let report = try await QDPXImport(context: target.context).run(file, options: ImportOptions(coder: "x"))
        #expect(report.problems.isEmpty, "\(report.lines.joined(separator: "\n"))")
        #expect(try await target.codingFacts() == (try await source.codingFacts()))
    }
}
