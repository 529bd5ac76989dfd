@testable import FieldworkCore
import Testing

@Suite struct TransferManifestTests {
    @Test func theHasherFedInPiecesGivesTheOneShotDigest() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for cuts in [[0], [1, 63, 64, 65], [200, 500, 999], [55, 56, 57]] {
            var hasher = SHA256.Hasher()
            var start = 0
            for cut in cuts + [bytes.count] {
                hasher.update(bytes[start..<cut])
                start = cut
            }
            #expect(hasher.finalizeHex() == SHA256.hex(bytes), "\(cuts)")
        }
        var empty = SHA256.Hasher()
        #expect(empty.finalizeHex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func batchesCountAndHashTheSameWhereverTheyAreCut() throws {
        let table = try #require(TransferTable.named("ledger_seen"))
        let rows: [[TransferValue]] = (0..<5).map { [.text("c-\($0)"), .integer(Int64($0)), .text("2026-01-0\($0 + 1)")] }
        var whole = TransferManifest.Builder(tables: [table])
        whole.add(TransferBatch(table: table, offset: 0, rows: rows))
        var pieces = TransferManifest.Builder(tables: [table])
        pieces.add(TransferBatch(table: table, offset: 0, rows: Array(rows[0..<2])))
        pieces.add(TransferBatch(table: table, offset: 2, rows: Array(rows[2...])))
        #expect(whole.manifest() == pieces.manifest())
        #expect(whole.manifest().entry("ledger_seen")?.rows == 5)
        // One value changed, or two rows swapped: another checksum, and the table is named.
        var changed = TransferManifest.Builder(tables: [table])
        changed.add(TransferBatch(table: table, offset: 0, rows: [rows[1], rows[0]] + rows[2...]))
        #expect(changed.manifest() != whole.manifest())
        #expect(throws: StoreTransferError.self) { try changed.manifest().verify(against: whole.manifest()) }
        let difference = try #require(changed.manifest().firstDifference(from: whole.manifest()))
        #expect(difference.table == "ledger_seen")
    }

    @Test func nullEmptyTextAndZeroEncodeApart() {
        func bytes(_ value: TransferValue) -> [UInt8] {
            var out: [UInt8] = []
            value.encode(into: &out)
            return out
        }
        let values: [TransferValue] = [.null, .text(""), .integer(0), .real(0), .boolean(false), .json("\"\"")]
        #expect(Set(values.map(bytes)).count == values.count)
    }

    @Test func jsonIsCanonicalWhateverItsSpacingAndKeyOrder() {
        #expect(TransferValue.canonicalJSON(#"{"b": [1, 2], "a": "å/ä"}"#) == #"{"a":"å/ä","b":[1,2]}"#)
        #expect(TransferValue.canonicalJSON(#"{"a":"å/ä","b":[1,2]}"#) == #"{"a":"å/ä","b":[1,2]}"#)
        #expect(TransferValue.canonicalJSON("not json") == nil)
    }
}
