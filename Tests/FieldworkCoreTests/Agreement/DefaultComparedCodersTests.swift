import FieldworkCore
import Testing

/// Whom an agreement compares when nobody chose (`DefaultComparedCoders`): a newcomer's few
/// documents do not shrink what the established coders share, and coders who coded the same
/// documents stay together.
struct DefaultComparedCodersTests {
    static let six: Set<String> = ["d1", "d2", "d3", "d4", "d5", "d6"]

    @Test func aNewcomerWithOneDocumentIsSetAside() {
        let documents = ["Anna": Self.six, "Bo": Self.six, "Cleo": Self.six, "Dan": ["d1"]]
        let chosen = DefaultComparedCoders.choose(["Anna", "Bo", "Cleo", "Dan"], documents: documents)
        #expect(chosen.compared == ["Anna", "Bo", "Cleo"] && chosen.setAside == ["Dan"])
    }

    @Test func threeCodersWithSixInCommonOutweighTwoWithSeven() {
        let documents = ["Anna": Self.six.union(["d7"]), "Bo": Self.six.union(["d7"]), "Cleo": Self.six]
        let chosen = DefaultComparedCoders.choose(["Anna", "Bo", "Cleo"], documents: documents)
        #expect(chosen.compared == ["Anna", "Bo", "Cleo"] && chosen.setAside.isEmpty)
    }

    @Test func codersWhoShareNothingKeepTheTwoWhoShareMost() {
        let documents: [String: Set<String>] = ["Anna": ["d1", "d2"], "Bo": ["d1", "d2"], "Cleo": ["d3"], "Dan": ["d4"]]
        let chosen = DefaultComparedCoders.choose(["Anna", "Bo", "Cleo", "Dan"], documents: documents)
        #expect(chosen.compared == ["Anna", "Bo"] && chosen.setAside == ["Cleo", "Dan"])
    }

    @Test func neverFewerThanTwoAndTwoAreLeftAsTheyAre() {
        let two = DefaultComparedCoders.choose(["Anna", "Bo"], documents: ["Anna": ["d1"], "Bo": ["d2"]])
        #expect(two.compared == ["Anna", "Bo"] && two.setAside.isEmpty)
        let none = DefaultComparedCoders.choose(["Anna", "Bo", "Cleo"], documents: ["Anna": ["d1"], "Bo": ["d2"], "Cleo": ["d3"]])
        #expect(none.compared.count == 3 && none.setAside.isEmpty, "nothing in common either way: nobody is set aside")
    }
}
