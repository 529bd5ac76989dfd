@testable import FieldworkCore
import Testing

@Suite struct UnknownNameTests {
    @Test func namesTheValueAndTheNearestKnownNames() {
        let error = UnknownName(kind: "code", name: "need.safty", place: "in the codebook",
                                known: ["barrier.cost", "need.safety", "need.safety.night", "theme.trust"])
        #expect(error.description.hasPrefix("no code 'need.safty' in the codebook; did you mean need.safety, "), "\(error)")
        #expect(error.suggestions.count == 3)
        // A known name passes; none given passes.
        #expect(throws: Never.self) { try UnknownName.require("need.safety", kind: "code", place: "in the codebook", known: ["need.safety"]) }
        #expect(throws: Never.self) { try UnknownName.require(nil, kind: "code", place: "in the codebook", known: [String]()) }
        // Nothing known: no suggestion.
        #expect(UnknownName(kind: "coder", name: "Nobody", place: "with codings", known: []).description == "no coder 'Nobody' with codings")
    }
}
