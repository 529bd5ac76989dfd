@testable import FieldworkCore
import Foundation
import Testing

struct AuditChainTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Longer than one block, with multi-byte UTF-8.
        #expect(SHA256.hex(String(repeating: "å", count: 100)).count == 64)
    }

    /// A log of `count` entries as its text, each linked to the one before.
    static func log(_ count: Int) -> [String] {
        var lines: [String] = []
        for index in 0..<count {
            let entry = AuditChain.next(after: lines.last.map { Substring($0) }, at: "2026-11-30T06:0\(index):00.000Z", by: "Anna",
                                        action: .export, details: ["kind": "segments", "file": "exports/s\(index).csv"])
            lines.append(entry.line)
        }
        return lines
    }

    static func head(_ lines: [String]) -> AuditHead {
        AuditHead(seq: lines.count, hash: SHA256.hex(lines.last!))
    }

    @Test func anIntactLogVerifies() {
        let lines = Self.log(4)
        let result = AuditChain.verify(lines.joined(separator: "\n") + "\n", file: "audit/log.jsonl", head: Self.head(lines))
        #expect(result.intact)
        #expect(result.entries == 4)
    }

    @Test func anEditedLineIsNamed() {
        var lines = Self.log(4)
        let original = lines
        lines[1] = lines[1].replacingOccurrences(of: "Anna", with: "Bo")
        let result = AuditChain.verify(lines.joined(separator: "\n") + "\n", file: "audit/log.jsonl", head: Self.head(original))
        #expect(result.problems == ["audit/log.jsonl:3: the hash of the line before does not match (that line was changed or removed)"])
    }

    @Test func aDeletedLineIsNamed() {
        var lines = Self.log(4)
        let head = Self.head(lines)
        lines.remove(at: 1)
        let result = AuditChain.verify(lines.joined(separator: "\n") + "\n", file: "audit/log.jsonl", head: head)
        #expect(result.problems.contains { $0.hasPrefix("audit/log.jsonl:2: entry 3 where 2 was expected") })
        #expect(result.problems.contains { $0.hasPrefix("audit/log.jsonl:2: the hash of the line before") })
    }

    @Test func linesCutOffTheEndAreCaughtAgainstTheStoredHead() {
        let lines = Self.log(4)
        let cut = Array(lines.prefix(3))
        // The chain alone cannot tell …
        #expect(AuditChain.verify(cut.joined(separator: "\n") + "\n", file: "a", head: nil).intact)
        // … the head the store saw appended can.
        let result = AuditChain.verify(cut.joined(separator: "\n") + "\n", file: "a", head: Self.head(lines))
        #expect(result.problems == ["a: the database saw 4 entries appended but the log ends at 3 (entries were removed from the end)"])
    }

    @Test func aLineThatIsNoEntryIsNamed() {
        var lines = Self.log(2)
        lines[0] = "{\"seq\": 1"
        let result = AuditChain.verify(lines.joined(separator: "\n"), file: "a", head: nil)
        #expect(result.problems.first == "a:1: not an audit entry (the line was changed)")
    }
}
