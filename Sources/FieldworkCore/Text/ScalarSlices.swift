extension String {
    /// The texts of `ranges` (Unicode scalar offsets, in text order, not overlapping), cut in
    /// one forward walk over the UTF-8 bytes: a scalar starts at every byte that is not a
    /// continuation byte. Linear in the text, however many ranges; ranges past the end are cut short.
    public func scalarSlices(_ ranges: [Range<Int>]) -> [String] {
        var copy = self
        return copy.withUTF8 { bytes in
            var byteOffset = 0
            var scalarOffset = 0
            func advance(to scalar: Int) -> Int {
                while scalarOffset < scalar, byteOffset < bytes.count {
                    byteOffset += 1
                    while byteOffset < bytes.count, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
                    scalarOffset += 1
                }
                return byteOffset
            }
            return ranges.map { range in
                let lower = advance(to: range.lowerBound)
                let upper = advance(to: range.upperBound)
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            }
        }
    }
}
