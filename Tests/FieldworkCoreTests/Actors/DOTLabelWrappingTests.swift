import FieldworkCore
import Foundation
import Testing

@Suite struct DOTLabelWrappingTests {
    @Test func longNamesBreakAtSpacesAndOverlongWordsAreCut() {
        #expect(DOTLabelWrapping.wrapped("Social services administration") == "Social services administration")
        #expect(DOTLabelWrapping.wrapped("aa bb cc dd", width: 5) == "aa bb\ncc dd")
        #expect(DOTLabelWrapping.wrapped("abcdefghij kl", width: 4) == "abcd\nefgh\nij\nkl")
        #expect(DOTLabelWrapping.wrapped("one\ntwo three", width: 5) == "one\ntwo\nthree")
        let long = String(repeating: "samordning ", count: 25)
        let lines = DOTLabelWrapping.wrapped(long).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= DOTLabelWrapping.width })
        #expect(lines.joined(separator: " ") == long.trimmingCharacters(in: .whitespaces))
    }
}
