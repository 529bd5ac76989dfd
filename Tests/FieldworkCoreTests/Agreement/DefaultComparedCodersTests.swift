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

    /// A team of 50 coders over 300 documents (more than one word of bits each): the ten who
    /// coded everything are compared, the forty who coded a few documents each are set aside.
    @Test func aLargeTeamKeepsThoseWhoCodedTheSameDocuments() {
        let all = Set((0..<300).map { "d\($0)" })
        var documents: [String: Set<String>] = [:]
        for n in 0..<10 { documents["full\(n)"] = all }
        for n in 0..<40 { documents["part\(n)"] = Set((0..<(n % 7 + 1)).map { "d\($0 * 40 + n)" }) }
        let coders = documents.keys.sorted()
        let chosen = DefaultComparedCoders.choose(coders, documents: documents)
        #expect(chosen.compared == coders.filter { $0.hasPrefix("full") })
        #expect(chosen.setAside == coders.filter { $0.hasPrefix("part") })
    }
}
