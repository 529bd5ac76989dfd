import FieldworkCore
import Testing

@Suite struct CodebookTests {
    @Test(arguments: [("need.safety.night", true), ("need", true), ("a-b_c.d1", true), ("Need", false),
                      ("need..x", false), (".need", false), ("need.", false), ("behov.trygghet.natt", true),
                      ("behov.ö", false), ("", false)])
    func codeIDs(id: String, valid: Bool) {
        #expect(Code.isValidID(id) == valid)
    }

    @Test func colours() {
        #expect(Code.normalizedColor("#1F77B4") == "#1f77b4")
        #expect(Code.normalizedColor("#abc") == "#aabbcc")
        #expect(Code.normalizedColor("red") == nil)
        #expect(Code.normalizedColor("#12345g") == nil)
        #expect(Code.normalizedColor("#1234") == nil)
    }

    @Test func subtreeAndRemapping() {
        let codebook = Codebook(codes: [
            Code(id: "need", name: "Needs", kind: .need),
            Code(id: "need.safety", name: "Safety", kind: .need, parentID: "need", formerly: ["trygghet"]),
            Code(id: "need.safety.night", name: "Night", kind: .need, parentID: "need.safety"),
            Code(id: "barrier", name: "Barriers", kind: .barrier),
        ])
        #expect(codebook.subtree(of: "need") == ["need", "need.safety", "need.safety.night"])
        #expect(codebook.remappedIDs == ["trygghet": "need.safety"])
        let change = CodebookChange(storedIDs: ["need", "trygghet", "gone"], new: codebook)
        #expect(change.removed == ["gone"])
        #expect(change.remap["trygghet"] == "need.safety")
    }
}
