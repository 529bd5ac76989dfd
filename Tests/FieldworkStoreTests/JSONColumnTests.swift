import FieldworkCore
@testable import FieldworkStore
import Testing

/// JSON columns are decoded once per distinct text and then remembered (a JSONDecoder per value
/// dominated opening a document); remembering must never change what a read returns.
@Suite struct JSONColumnTests {
    @Test func aRememberedValueIsTheDecodedValueOfItsTextAndType() {
        let text = #"{"administrations":[],"events":[],"retainUntil":"2030-01-01","telemetryDevices":["door-1"]}"#
        for _ in 0..<3 {
            // An optional type: a miss must not read as a decoded nil (it once did).
            let receipt = JSONColumn.decode(ConsentReceiptFields?.self, from: text, default: nil)
            #expect(receipt?.retainUntil == "2030-01-01")
        }
        // The same text as another type is decoded for that type, not taken from the memory.
        #expect(JSONColumn.decode([String: String].self, from: #"{"a":"b"}"#, default: [:]) == ["a": "b"])
        #expect(JSONColumn.decode([String: [String]].self, from: #"{"a":"b"}"#, default: ["x": []]) == ["x": []])
        #expect(JSONColumn.decode([String].self, from: #"["å","👩‍👩‍👧"]"#, default: []) == ["å", "👩‍👩‍👧"])
        #expect(JSONColumn.decode([String].self, from: #"["å","👩‍👩‍👧"]"#, default: []) == ["å", "👩‍👩‍👧"])
        #expect(JSONColumn.decode([String].self, from: "not json", default: ["fallback"]) == ["fallback"])
        #expect(JSONColumn.decode([String].self, from: nil, default: ["fallback"]) == ["fallback"])
    }
}
