@testable import FieldworkServices
import Foundation
import Testing

@Suite struct SourceTextTests {
    /// The fast path must never skip a text that NFC would change: check the predicate against
    /// Foundation's normaliser for every scalar of the BMP and the emoji planes.
    @Test func theNFCFastPathAgreesWithTheNormaliser() {
        var missed: [Int] = []
        for value in Array(0x0000...0xFFFF) + Array(0x1F000...0x1FAFF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            if text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false,
               !SourceText.mayChangeUnderNFC(scalar) {
                missed.append(value)
            }
        }
        #expect(missed.isEmpty, "scalars NFC changes but the fast path skips: \(missed.prefix(20).map { String($0, radix: 16) })")
        #expect(!SourceText.mayChangeUnderNFC("å") && !SourceText.mayChangeUnderNFC("👍") && !SourceText.mayChangeUnderNFC("\u{FE0F}"))
        #expect(SourceText.mayChangeUnderNFC("\u{0308}") && SourceText.mayChangeUnderNFC("\u{212B}"))
    }

    @Test func decodingNormalisesLineEndingsBOMAndComposition() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("a\u{0308}\r\nb\rc".utf8)
        #expect(try SourceText.decode(data, path: "x.md").text == "ä\nb\nc")
    }
}
