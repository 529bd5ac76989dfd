import FieldworkCore
import Testing

@Suite struct DurationUnitsTests {
    @Test func secondsAndTheirFractionAddUpInEachUnit() {
        let duration = Duration.seconds(2) + .microseconds(1_500) + .nanoseconds(7)
        #expect(duration.inNanoseconds == 2_001_500_007)
        #expect(duration.inMicroseconds == 2_001_500)
        #expect(duration.inMilliseconds == 2_001.500007)
    }

    @Test func aShortDurationTruncatesTowardZero() {
        #expect(Duration.nanoseconds(999).inMicroseconds == 0)
        #expect(Duration.nanoseconds(-1_500).inMicroseconds == -1)
    }
}
