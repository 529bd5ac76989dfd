/// A point in a recording, in milliseconds: a subtitle cue's start or end.
public struct TranscriptTime: Sendable, Hashable, Comparable {
    public var milliseconds: Int

    public init(milliseconds: Int) {
        self.milliseconds = milliseconds
    }

    /// Times at or past this many hours are refused as malformed.
    public static let hourLimit = 10_000

    public static func < (lhs: TranscriptTime, rhs: TranscriptTime) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// `00:12:34`: what a turn in a corpus file starts with (whole seconds, as people cite them).
    public var label: String {
        let seconds = milliseconds / 1000
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// `hh:mm:ss.ttt` or `mm:ss.ttt` (WebVTT) and `hh:mm:ss,ttt` (SubRip); `fraction` is the
    /// separator before the milliseconds. Minutes and seconds must be below 60.
    public init?(parsing text: Substring, fraction: Character, hoursRequired: Bool) {
        let parts = text.split(separator: fraction, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 3, let millis = Int(parts[1]), parts[1].allSatisfy(\.isASCII)
        else { return nil }
        let clock = parts[0].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3 || (!hoursRequired && clock.count == 2),
              clock.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              clock.dropFirst(clock.count - 2).allSatisfy({ $0.count == 2 }) else { return nil }
        // Every part must be a number that fits (an hour too long for `Int` was dropped, and the
        // rest read as minutes and seconds).
        let values = clock.compactMap { Int($0) }
        guard values.count == clock.count else { return nil }
        let (hours, minutes, seconds) = values.count == 3 ? (values[0], values[1], values[2]) : (0, values[0], values[1])
        // Hours are bounded so that the milliseconds cannot overflow (a fuzzed cue of
        // 333333333333333 hours trapped); no recording runs for ten thousand hours.
        guard minutes < 60, seconds < 60, hours < Self.hourLimit else { return nil }
        self.init(milliseconds: ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
    }
}
