import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import Testing

/// The hand-written answer to a coding write must be the bytes the response encoder writes for
/// the same coding, whatever the text holds: clients (and the browser's tests) read either.
@Suite struct JSONTextTests {
    static var awkward: String {
        var text = ""
        for scalar in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        return text + "\"quoted\" back\\slash a/b \u{7F} \u{2028} åäö 👩‍👩‍👧 <tag>&"
    }

    @Test(arguments: [
        Coding(id: "c-1", documentID: "int-004", codeID: "need.safety", coder: "Anna", memo: nil,
               anchor: TextQuoteAnchor(quote: "ett citat", prefix: "", suffix: "", start: 0, end: 9),
               createdAt: Date(timeIntervalSince1970: 1_700_000_000.123)),
        Coding(id: "c-\(awkward)", documentID: awkward, codeID: awkward, coder: awkward, memo: awkward,
               anchor: TextQuoteAnchor(quote: awkward, prefix: awkward, suffix: awkward, start: 12_345, end: 99_999),
               status: .orphaned, anchorMethod: .fuzzy, createdAt: Date(timeIntervalSince1970: 0),
               updatedAt: Date(timeIntervalSince1970: 1_764_558_000.5), updatedBy: awkward, version: 42),
    ])
    func aCodingIsWrittenAsTheEncoderWritesIt(_ coding: Coding) throws {
        let output = CodingOutput(coding)
        let encoded = try WebContext.sharedEncoder.encode(output)
        #expect(String(decoding: output.jsonText, as: UTF8.self) == String(decoding: encoded, as: UTF8.self))
    }
}
