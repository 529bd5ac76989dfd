@testable import FieldworkExchange
import Testing

struct StableGUIDTests {
    @Test func sha1MatchesTheStandardTestVectors() {
        func hex(_ text: String) -> String {
            SHA1.digest(Array(text.utf8)).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        // Several 64-byte blocks, and padding that spills into a block of its own.
        #expect(hex(String(repeating: "a", count: 1000)) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
    }

    @Test func guidsAreVersion5UUIDsThatAnyoneCanRecompute() {
        // Expected values from Python: uuid.uuid5(UUID('f6587184-aefe-4612-8eea-e6e3b832ada8'), 'code:need').
        #expect(StableGUID.make(.code, "need") == "33bda96d-d59e-561d-9fca-d218cd25e7a4")
        #expect(StableGUID.make(.document, "int-014") == "fdc926af-38ed-58fc-88b9-dcd467a7511a")
        #expect(StableGUID.make(.code, "need") != StableGUID.make(.document, "need"))
    }

    @Test func foreignGUIDsCompareWithoutBracesOrCase() {
        #expect(StableGUID.normalized("{D7AA29DA-519B-4946-9B90-253B6DB8FD0A}") == "d7aa29da-519b-4946-9b90-253b6db8fd0a")
    }
}
