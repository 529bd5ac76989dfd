@testable import FieldworkStore
import Foundation
import Testing

/// Timestamps read back exactly as written, through the fixed-width fast path and the general one.
struct TimestampTests {
    @Test func everyWrittenTimestampReadsBackToTheSameMillisecond() {
        for milliseconds: Int64 in [0, 1, 999, 86_399_999, 1_764_513_178_123, 253_402_300_799_999, -1, -62_135_596_800_000] {
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = Timestamp.text(date)
            #expect(Timestamp.date(text) == date, "\(text)")
        }
        // Other forms still go through the general reading.
        #expect(Timestamp.date("2025-01-04T10:00:00Z") == Date(timeIntervalSince1970: 1_735_984_800))
        #expect(Timestamp.date("2025-01-04T10:00:00.5xZ") != nil)
        #expect(Timestamp.date("nonsense") == nil)
    }
}
