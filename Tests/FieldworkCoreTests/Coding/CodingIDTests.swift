import FieldworkCore
import Foundation
import Testing

/// New coding and memo ids: the time first, so ids sort by age (their index entries append
/// instead of landing on random pages), and enough randomness that ids made in the same
/// millisecond by many writers do not collide.
@Suite struct CodingIDTests {
    @Test func idsSortByTheTimeTheyWereMade() {
        let ids = (0..<1_000).map { Coding.newID(at: Date(timeIntervalSince1970: Double(1_796_000_000_000 + $0 * 7) / 1000)) }
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { $0.wholeMatch(of: /c-[0-9a-f]{11}-[0-9a-f]{12}/) != nil }, "\(ids[0])")
        #expect(Coding.newID(at: Date(timeIntervalSince1970: 0)).hasPrefix("c-00000000000-"))
    }

    @Test func idsMadeInTheSameMillisecondDiffer() {
        let now = Date()
        let ids = (0..<100_000).map { _ in Coding.newID(at: now) }
        #expect(Set(ids).count == ids.count)
        #expect(Memo.newID().wholeMatch(of: /m-[0-9a-f]{11}-[0-9a-f]{12}/) != nil)
    }
}
