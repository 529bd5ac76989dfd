import FieldworkCore
import Testing

/// The attribute picker's choices: one per value as people type them, sorted.
@Suite struct AttributeChoicesTests {
    @Test func oneChoicePerValueWithPlainDashesSortedByKeyAndValue() {
        let people = [
            Participant(id: "R02", role: .resident, attributes: ["age_band": "75–79", "living_situation": "alone"]),
            Participant(id: "R01", role: .resident, attributes: ["age_band": "75-79", "living_situation": "With  partner"]),
            Participant(id: "R03", role: .resident, attributes: ["age_band": "30-39", "living_situation": "Alone", "note": "  "]),
        ]
        #expect(AttributeValue.choices(of: people) == [
            "age_band=30-39", "age_band=75-79", "living_situation=alone", "living_situation=With partner",
        ])
    }
}
