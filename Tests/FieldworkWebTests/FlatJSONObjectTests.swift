@testable import FieldworkWeb
import Foundation
import Testing

/// A coding write's body read without `JSONDecoder` gives what `JSONDecoder` gives, and every
/// body outside the plain shape is left to `JSONDecoder` (which also words the refusals).
@Suite struct FlatJSONObjectTests {
    private func flat(_ body: String) -> CreateCodingRequest? {
        Array(body.utf8).withUnsafeBufferPointer { FlatJSONObject($0).flatMap(CreateCodingRequest.init(flat:)) }
    }

    private func decoded(_ body: String) -> CreateCodingRequest? {
        try? WebContext.sharedDecoder.decode(CreateCodingRequest.self, from: Data(body.utf8))
    }

    private func same(_ a: CreateCodingRequest, _ b: CreateCodingRequest) -> Bool {
        a.document == b.document && a.start == b.start && a.end == b.end && a.code == b.code && a.coder == b.coder
            && a.memo == b.memo && a.revision == b.revision && a.quote == b.quote
    }

    @Test func aPlainBodyReadsAsJSONDecoderReadsIt() throws {
        let bodies = [
            #"{"document": "int-001", "start": 120, "end": 131, "code": "need", "coder": "ab0"}"#,
            #"{"document":"int-001","start":0,"end":-5,"code":"need.safety","coder":"Maja L."}"#,
            " \n{ \"coder\" : \"Åsa Öberg\" ,\t\"code\":\"need\", \"end\": 999999999999999999, \"start\": 7, \"document\": \"d\" }\r\n",
            #"{"document": "int-001", "start": 1, "end": 2, "code": "c", "coder": "x", "memo": null, "revision": null, "quote": null}"#,
            #"{"document": "int-001", "start": 1, "end": 2, "code": "c", "coder": "x", "memo": "", "revision": 3, "quote": "natten 🌙"}"#,
            #"{"document": "int-001", "start": -0, "end": 2, "code": "c", "coder": "x"}"#,
        ]
        for body in bodies {
            let fast = try #require(flat(body), "\(body)")
            let slow = try #require(decoded(body), "\(body)")
            #expect(same(fast, slow), "\(body)")
        }
    }

    @Test func anythingElseIsLeftToJSONDecoder() {
        let bodies = [
            "", "[]", "{", #"{"document": "int-001"}"#, "null",
            #"{"document": "a\"b", "start": 1, "end": 2, "code": "c", "coder": "x"}"#,  // an escape
            #"{"document": "a\u0000", "start": 1, "end": 2, "code": "c", "coder": "x"}"#,
            "{\"document\": \"a\tb\", \"start\": 1, \"end\": 2, \"code\": \"c\", \"coder\": \"x\"}",  // a control character
            #"{"document": "d", "start": 1.5, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": 1e2, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": 01, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": 1234567890123456789, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": 99999999999999999999999, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": "1", "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": null, "start": 1, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": 1, "end": 2, "code": "c", "coder": "x", "seen": true}"#,
            #"{"document": "d", "start": 1, "end": 2, "code": "c", "coder": "x", "extra": "y"}"#,
            #"{"document": "d", "document": "e", "start": 1, "end": 2, "code": "c", "coder": "x"}"#,
            #"{"document": "d", "start": 1, "end": 2, "code": "c", "coder": "x"} x"#,
            #"{"document": "d", "start": 1, "end": 2, "code": "c", "coder": "x",}"#,
            #"{"document": "d", "start": 1, "end": 2, "code": "c", "coder": "x", "memo": nul}"#,
            #"{"document": "d", "start": 1, "end": 2, "code": "c", "coder": "x", "revision": "3"}"#,
        ]
        for body in bodies { #expect(flat(body) == nil, "\(body)") }
        let notUTF8: [UInt8] = Array(#"{"document": ""#.utf8) + [0xC3, 0x28] + Array(#"", "start": 1, "end": 2, "code": "c", "coder": "x"}"#.utf8)
        #expect(notUTF8.withUnsafeBufferPointer { FlatJSONObject($0) } == nil)
    }
}
