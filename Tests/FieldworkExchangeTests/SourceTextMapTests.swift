@testable import FieldworkExchange
import Foundation
import Testing

struct SourceTextMapTests {
    @Test func canonicalTextIsUsedAsIs() throws {
        let map = try SourceTextMap(inline: "Familjen 👩‍👩‍👧 ringer")
        #expect(map.text == "Familjen 👩‍👩‍👧 ringer")
        #expect(map.canonical(9) == 9 && map.canonical(14) == 14)
        #expect(map.canonical(map.sourceCount + 1) == nil && map.canonical(-1) == nil)
    }

    @Test func crlfBomAndDecomposedLettersMapToCanonicalPositions() throws {
        // "e\u{301}" (2 code points) becomes "é" (1); "\r\n" (2) becomes "\n" (1).
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array("Cafe\u{301} ok\r\nnästa rad".utf8)
        let map = try SourceTextMap(data: Data(bytes))
        #expect(map.text.unicodeScalars.elementsEqual("Café ok\nnästa rad".unicodeScalars))
        #expect(map.sourceCount == 19)
        // "ok" is at 6..<8 in the tool's text, 5..<7 in ours; "nästa" at 10 → 8.
        #expect(map.canonical(6) == 5 && map.canonical(8) == 7 && map.canonical(10) == 8)
        // Between e and its accent: no counterpart in NFC. Between CR and LF: none either.
        #expect(map.canonical(4) == nil && map.canonical(9) == nil)
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: (any Error).self) { try SourceTextMap(data: Data([0x61, 0xFF, 0x62])) }
    }
}
