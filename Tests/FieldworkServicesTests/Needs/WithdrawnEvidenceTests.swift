import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// A participant who withdrew was still counted among the people who raised a need: on the need
/// page, in `needs`, `export needs` (its publication counts too) and handouts, while the report
/// counted no one for their words (found by a new user: the needs CSV published a count of 5
/// where the report said "< 5"). Their codings are now no evidence anywhere; the register says
/// how many it did not count.
@Suite struct WithdrawnEvidenceTests {
    @Test func aWithdrawnParticipantCountsForNoNeedInTheRegisterTheExportOrTheHandouts() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        let before = try await context.needsRegister.register()
        let raised = before.filter { $0.participants.contains("R02") }
        #expect(!raised.isEmpty, "the sample has R02 raising needs")
        #expect(before.allSatisfy { $0.evidenceWithheld == 0 })

        // R02 withdraws today.
        let file = context.workspace.root.appending(path: "corpus/participants.yaml")
        let given = "          - {event: given, date: 2025-02-27, by: Anna, how: \"easy-read form signed with support person present\"}\n"
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(given))
        try text.replacingOccurrences(of: given, with: given + "          - {event: withdrawn, date: \(ConsentRule.today([]).today), by: Anna, how: phone}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try await context.ingest.ingest().succeeded)

        let after = try await context.needsRegister.register()
        #expect(!after.contains { $0.participants.contains("R02") })
        let handouts = HandoutService(workspace: context.workspace, store: context.store)
        for need in raised {
            let now = try #require(after.first { $0.need.id == need.need.id })
            #expect(now.evidenceWithheld > 0, "\(need.need.id)")
            #expect(now.codings + now.evidenceWithheld == need.codings, "\(need.need.id)")
            // Fewer residents: R02, and those whose only evidence was a group's notes with R02 in the roster.
            #expect(now.people.residents.count < need.people.residents.count, "\(need.need.id)")
            #expect(Set(now.people.residents).isSubset(of: need.people.residents), "\(need.need.id)")
            // The handout counts the same residents as the register.
            let handout = try await handouts.handout(codeID: need.need.id)
            #expect(handout.residents == now.people.residents.count, "\(need.need.id)")
            // Quotes withheld still count every passage not quoted, theirs included.
            #expect(now.quotesWithheld >= need.quotesWithheld, "\(need.need.id)")
        }
        let withheld = try await context.needsRegister.evidenceWithheld()
        #expect(withheld.byReason[.withdrawn] ?? 0 > 0)
        let export = try await NeedsRegisterExport(store: context.store).render()
        #expect(export.evidenceWithheld == withheld)
        // The CSV's residents column (the fifth) says the register's number for every need.
        let rows = export.csv.split(whereSeparator: \.isNewline).dropFirst().map(CSVRows.fields)
        #expect(rows.count == after.count, "\(export.csv)")
        for need in after {
            #expect(rows.contains { $0.first == need.need.id && $0[4] == String(need.people.residents.count) }, "\(need.need.id)")
        }
    }
}
