import FieldworkCore
import Testing

/// Attribute values as people type them (issue 13 part 7): dashes and spaces do not split a group.
struct AttributeValueTests {
    @Test(arguments: [("75-79", "75–79", true), ("75-79", "75 − 79", false), ("75 - 79", "75  –  79", true),
                      ("Alone", "alone", true), ("alone ", " alone", true), ("75-79", "70-79", false)])
    func sameValue(a: String, b: String, same: Bool) {
        #expect(AttributeValue.same(a, b) == same)
    }

    @Test func displayUsesHyphensAndSingleSpaces() {
        #expect(AttributeValue.display(" 75–79 ") == "75-79")
        #expect(AttributeValue.display("med  sambo") == "med sambo")
    }

    /// A small-cell group counts everyone of the band, however each one's band was typed.
    @Test func smallCellGroupsCountBothSpellingsOfABand() {
        let register = (1...5).map { Participant(id: "R0\($0)", role: .resident, attributes: ["age_band": $0 == 5 ? "75–79" : "75-79"]) }
        let cells = SmallCells(k: 5)
        #expect(cells.attribution(of: [register[4]], among: register) == "Resident, 75–79")
        #expect(cells.attribution(of: [register[0]], among: register) == "Resident, 75–79")
    }
}
