@testable import FieldworkCore
import Testing

/// A document open reads only the register entries `candidates` names: attributing with those
/// alone must give every segment the same people as attributing with the whole register.
struct AttributionCandidatesTests {
    @Test func theCandidatesAttributeEverySegmentAsTheWholeRegisterDoes() {
        var doc = PassageAttributorTests.workshop()
        doc.add("Ja, det stämmer.", kind: .turn, speaker: "R05")
        doc.add("Nej.", kind: .turn, speaker: "Intervjuare")
        let text = ScalarText(doc.text)
        let candidates = PassageAttributor.candidates(segments: doc.segments, text: text, named: ["R77"])
        #expect(candidates.isSuperset(of: ["R01", "R08", "R11", "S01", "R02", "S02", "R99", "R05", "Intervjuare", "R77"]))
        // Registers with and without the people the text names, and with others it does not name.
        for register in [Set(["R01", "R08", "R11", "S01", "R02", "S02", "R05", "X1"]), ["R01", "R02", "R11"], ["R99", "S02"], ["X1"], []] {
            let whole = PassageAttributor(segments: doc.segments, text: text, known: register).people(of: doc.segments, text: text)
            let read = PassageAttributor(segments: doc.segments, text: text, known: register.intersection(candidates))
                .people(of: doc.segments, text: text)
            #expect(read == whole, "register \(register.sorted())")
        }
    }
}
