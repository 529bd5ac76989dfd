/// The time a segment starts in the recording, written at its start as transcripts cite it:
/// `[00:12:34]`, `[12:34]`, `[1:02:03.5]`, or with its end as a range `[00:12:34–00:12:40]`
/// (also `-` or `-->` between). Times are seconds from the start of the recording.
///
/// A timed segment without an end of its own ends where the next timed segment starts (the
/// recording runs on until the next cited time); the last one has no end unless written.
public enum SegmentTimestamp {
    /// The start and, if written, the end, from the start of a segment's text.
    public static func parse(_ text: Substring) -> (start: Double, end: Double?)? {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
        let inner = text[text.index(after: text.startIndex)..<close]
        for separator in ["-->", "–", "-"] {
            if let range = inner.firstRange(of: separator) {
                guard let start = seconds(inner[..<range.lowerBound]), let end = seconds(inner[range.upperBound...]),
                      end >= start else { return nil }
                return (start, end)
            }
        }
        return seconds(inner).map { ($0, nil) }
    }

    /// `hh:mm:ss`, `h:mm:ss` or `mm:ss`, optionally with a fraction after `.` or `,`.
    static func seconds(_ text: Substring) -> Double? {
        let trimmed = String(text).trimmingSpaces
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var last = String(parts[parts.count - 1]).replacing(",", with: ".")
        var fraction = 0.0
        if let dot = last.firstIndex(of: ".") {
            let digits = last[last.index(after: dot)...]
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Double("0." + digits) else { return nil }
            fraction = value
            last = String(last[..<dot])
        }
        let clock = parts.dropLast().map(String.init) + [last]
        guard clock.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              clock.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        let values = clock.compactMap { Int($0) }
        guard values.dropFirst().allSatisfy({ $0 < 60 }), values.count < 3 || values[1] < 60 else { return nil }
        let total = values.reduce(0) { $0 * 60 + $1 }
        return Double(total) + fraction
    }

    /// A time as transcripts write it: `12:34`, or `1:02:03` from an hour on (whole seconds,
    /// rounded down: a passage is played from its cited second).
    public static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(two(minutes)):\(two(rest))"
    }

    /// Sets `timeStart` and `timeEnd` of the segments whose text (in `plainText`) opens with a time.
    public static func assign(_ segments: inout [Segment], plainText: String) {
        let bodies = plainText.scalarSlices(segments.map(\.span))
        var lastTimed: Int?
        for index in segments.indices {
            guard let time = parse(Substring(bodies[index])) else { continue }
            segments[index].timeStart = time.start
            segments[index].timeEnd = time.end
            if let previous = lastTimed, segments[previous].timeEnd == nil, time.start >= segments[previous].timeStart ?? 0 {
                segments[previous].timeEnd = time.start
            }
            lastTimed = index
        }
    }
}
