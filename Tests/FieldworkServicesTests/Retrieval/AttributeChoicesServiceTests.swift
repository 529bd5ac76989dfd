import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// The retrieval page's attribute picker offers only values someone with a consent in force has.
@Suite struct AttributeChoicesServiceTests {
    /// The choices the whole register gives when only people whose consent holds are counted.
    private func reference(_ context: FieldworkContext) async throws -> [String] {
        let today = ConsentRule.today([]).today
        return AttributeValue.choices(of: try await context.store.participants().filter { ConsentStatus($0, on: today).noneInForce == nil })
    }

    /// R01 withdrew every consent: the value only they had (their support) is offered no more;
    /// values others share stay.
    @Test func aValueOnlyAWithdrawnParticipantHasIsNotOffered() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        let support = "support=hemtjänst 3 ggr/dag, trygghetslarm"
        let before = try await context.attributeChoices.choices()
        #expect(before.contains(support) && before.contains("living_situation=alone"))
        #expect(before == AttributeValue.choices(of: try await context.store.participants()))

        try ConsentStates.withdrawSampleR01(in: context.workspace.root)
        #expect(try await context.ingest.ingest().succeeded)
        let after = try await context.attributeChoices.choices()
        #expect(!after.contains(support))
        #expect(after.contains("living_situation=alone"))  // others live alone too
        #expect(after == (try await reference(context)))
    }

    /// Two spellings of one value: the one shown is the first consenting holder's, by id.
    @Test func theSpellingShownIsTheFirstConsentingHoldersAndHoldersAreCheckedInRounds() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/participants.yaml", """
            participants:
              - id: R21
                role: resident
                attributes: {living_situation: Alone, area: Norrby}
                consents:
                  - {id: c1, date: 2025-01-01, scopes: [interview], withdrawn: 2025-06-01}
              - id: R22
                role: resident
                attributes: {living_situation: ALONE, area: Norrby}
              - id: R23
                role: resident
                attributes: {living_situation: alone, area: Söderby}
                consents:
                  - {id: c3, date: 2025-01-01, scopes: [interview]}
              - id: R24
                role: resident
                attributes: {area: Västerby}
                consents:
                  - {id: c4, date: 2025-01-01, scopes: [interview], withdrawn: 2025-06-01}

            """)
        try await workspace.ingest()
        // R21 withdrew and R22 gave no consent: R23's spelling; no area only they have.
        #expect(try await workspace.context.attributeChoices.choices() == ["area=Söderby", "living_situation=alone"])
        #expect(try await workspace.context.attributeChoices.choices() == (try await reference(workspace.context)))
    }
}
