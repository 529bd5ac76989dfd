import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// A participant restricted to named coders (`access.yaml`: `participant: R01`) is no case for
/// anyone else: their administrations and attributes are in no table of people, as QDPX leaves
/// them out as cases. The coder they are restricted to sees them as before.
@Suite struct RestrictedCaseDetailsTests {
    static let access = AccessPolicy(restrictions: [.init(target: .participant("R01"), coders: ["Maja L."])])
    static let support = "hemtjänst 3 ggr/dag, trygghetslarm"

    private func acting<T: Sendable>(_ coder: String, _ work: () async throws -> T) async throws -> T {
        try await Acting.$request.withValue(Acting(coder: coder, access: Self.access)) { try await work() }
    }

    @Test func theirDetailsAreShownOnlyToTheCodersTheyAreRestrictedTo() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        let export = ParticipantsExport(store: context.store)
        let matrix = CaseMatrix(store: context.store)
        for (coder, sees) in [("Maja L.", true), ("Bo", false)] {
            let participants = try await acting(coder) { try await export.render() }
            let row = try #require(participants.csv.split(separator: "\r\n").first { $0.hasPrefix("R01,") })
            #expect(row.contains("social care") == sees, "\(coder): \(row)")
            #expect(row.contains("Norrby") == sees, "\(coder): \(row)")
            #expect((participants.withheld.byReason[.restricted] ?? 0) == (sees ? 0 : 1), "\(coder)")

            let table = try await acting(coder) { try await matrix.table(rows: .participant) }
            #expect((table.attribute("R01", "age_band") == "75-79") == sees, "\(coder)")
            #expect(table.attribute("R02", "living_situation") != "", "\(coder): others are unaffected")
            let rows = try await acting(coder) { try await matrix.table(rows: .attribute("support")) }
            #expect(rows.labels.contains(Self.support) == sees, "\(coder)")

            let choices = try await acting(coder) { try await context.attributeChoices.choices() }
            #expect(choices.contains("support=\(Self.support)") == sees, "\(coder)")
            #expect(choices.contains("living_situation=alone"), "\(coder)")
        }
    }
}
