@testable import FieldworkStore
import Testing

/// The lock is left free between an import's transactions for a time that grows with them, so
/// that on a loaded machine (where a waiting process wakes late) other writers still get in.
@Suite struct SQLiteTelemetryWriterTests {
    @Test func thePauseBetweenTransactionsGrowsWithThemWithinBounds() {
        // A quick transaction still leaves the 2 ms every busy handler's 1 ms poll can catch.
        #expect(SQLiteTelemetryWriter.pause(after: .milliseconds(50)) == 2_000)
        // A slow one (a loaded machine) leaves 1/32 of its time: about 3 % of the import.
        #expect(SQLiteTelemetryWriter.pause(after: .milliseconds(640)) == 20_000)
        #expect(SQLiteTelemetryWriter.pause(after: .seconds(2)) == 62_500)
        // Never more than 100 ms, however slow.
        #expect(SQLiteTelemetryWriter.pause(after: .seconds(60)) == 100_000)
    }
}
