/// A `Duration` in the units C and NIO APIs take (`usleep`, `TimeAmount`) and headers show,
/// truncated toward zero: one conversion instead of seconds and attoseconds combined by hand
/// at each call site.
extension Duration {
    public var inNanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }

    public var inMicroseconds: Int64 {
        components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000
    }

    public var inMilliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
