extension String {
    /// The texts of `ranges` (Unicode scalar offsets, in text order, not overlapping), cut in
    /// one forward walk over the UTF-8 bytes (see `scalarByteRanges`). Ranges past the end are
    /// cut short.
    public func scalarSlices(_ ranges: [Range<Int>]) -> [String] {
        var copy = self
        return copy.withUTF8 { bytes in
            scalarByteRanges(ranges, in: bytes).map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }

    /// The UTF-8 byte ranges of `ranges` (Unicode scalar offsets, in text order, not
    /// overlapping): for binding a passage's bytes without making a `String` of it.
    public func scalarByteRanges(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var copy = self
        return copy.withUTF8 { scalarByteRanges(ranges, in: $0) }
    }

    /// One forward walk over the UTF-8 bytes: a scalar starts at every byte that is not a
    /// continuation byte. Linear in the text, however many ranges. Eight ASCII bytes are eight
    /// scalars, so a run of them is crossed a word at a time (transcripts are mostly ASCII).
    private func scalarByteRanges(_ ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = bytes.baseAddress else { return ranges.map { _ in 0..<0 } }
        let raw = UnsafeRawPointer(base)
        var byteOffset = 0
        var scalarOffset = 0
        func advance(to scalar: Int) -> Int {
            while scalarOffset < scalar, byteOffset < bytes.count {
                if scalar - scalarOffset >= 8, bytes.count - byteOffset >= 8,
                   raw.loadUnaligned(fromByteOffset: byteOffset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    byteOffset += 8
                    scalarOffset += 8
                    continue
                }
                byteOffset += 1
                while byteOffset < bytes.count, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
                scalarOffset += 1
            }
            return byteOffset
        }
        return ranges.map { range in
            let lower = advance(to: range.lowerBound)
            return lower..<advance(to: range.upperBound)
        }
    }
}
