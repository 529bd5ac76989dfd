import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// The sample study is a living one: three coders, and a consensus for part of it.
@Suite struct SampleConsensusTests {
    @Test func theSampleStudyHasAConsensusForPartOfItAndOpenDisagreements() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        // Without coders named, agreement compares the independent coders: the consensus codes after them.
        let agreement = try await context.agreement.agreement(.init())
        #expect(agreement.coders == ["Jonas Ek", "Maja Lind", "Samira Haddad"])
        #expect(agreement.documents.count >= 4)
        let named = try await context.agreement.agreement(.init(coders: ["Maja Lind", Consensus.coder]))
        #expect(named.coders == ["Maja Lind", Consensus.coder])

        let report = try await context.adjudication.passages(.init())
        let states = report.passages.flatMap(\.decisions).map(\.state)
        let accepted = states.filter { if case .accepted = $0 { true } else { false } }
        #expect(accepted.count == 8)
        #expect(states.contains(.open))
        #expect(report.passages.contains { $0.codesByCoder.contains { $0.coder == Consensus.coder && !$0.codes.isEmpty } })

        // Accepted by a team member, into that person's codings file.
        let consensus = try await context.store.codings(CodingFilter(coder: Consensus.coder))
        #expect(Set(consensus.compactMap(\.updatedBy)) == ["Maja Lind", "Jonas Ek"])
        let maja = try String(contentsOf: context.workspace.root.appending(path: "codings/maja-lind.jsonl"), encoding: .utf8)
        #expect(maja.components(separatedBy: "\"coder\":\"Consensus\"").count == 6)
        #expect(!FileManager.default.fileExists(atPath: context.workspace.root.appending(path: "codings/consensus.jsonl").path))
    }
}
