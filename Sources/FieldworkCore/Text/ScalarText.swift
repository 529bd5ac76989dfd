/// A document's canonical plain text, addressed in Unicode scalar values.
///
/// Every stored offset in Fieldwork counts Unicode scalars from 0 with an exclusive end: the
/// unit REFI-QDA uses ("code points"). Swift's `String.count` counts grapheme clusters and
/// browsers count UTF-16 code units; neither is the stored unit, so all slicing goes through
/// this type.
public struct ScalarText: Sendable, Hashable {
    public let scalars: [Unicode.Scalar]

    public init(_ string: String) {
        scalars = Array(string.unicodeScalars)
    }

    public init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        self.scalars = Array(scalars)
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    /// The text of `range`, clamped to the text's bounds.
    public subscript(range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, count))
        let upper = max(lower, min(range.upperBound, count))
        // Encoded straight into the string's UTF-8 storage: appending scalars to a
        // `UnicodeScalarView` one by one was a fifth of a document page's CPU (perf, session 8).
        let slice = scalars[lower..<upper]
        return String(unsafeUninitializedCapacity: slice.count * 4) { buffer in
            var end = 0
            for scalar in slice {
                let value = scalar.value
                switch value {
                case ..<0x80:
                    buffer[end] = UInt8(value)
                    end += 1
                case ..<0x800:
                    buffer[end] = UInt8(0xC0 | value >> 6)
                    buffer[end + 1] = UInt8(0x80 | value & 0x3F)
                    end += 2
                case ..<0x1_0000:
                    buffer[end] = UInt8(0xE0 | value >> 12)
                    buffer[end + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[end + 2] = UInt8(0x80 | value & 0x3F)
                    end += 3
                default:
                    buffer[end] = UInt8(0xF0 | value >> 18)
                    buffer[end + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                    buffer[end + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                    buffer[end + 3] = UInt8(0x80 | value & 0x3F)
                    end += 4
                }
            }
            return end
        }
    }

    public var string: String { self[0..<count] }

    /// A cut at `offset` moved forward past the rest of the word it splits (and the spaces after
    /// it), never beyond `limit`: context shown before a passage starts with a whole word.
    public func wordStart(from offset: Int, limit: Int) -> Int {
        var cut = offset
        guard cut > 0, cut < count, !isSpace(cut - 1) else { return cut }
        while cut < limit, !isSpace(cut) { cut += 1 }
        while cut < limit, isSpace(cut) { cut += 1 }
        return cut
    }

    /// A cut at `offset` moved back before the word it splits, never below `limit`: context
    /// shown after a passage ends with a whole word.
    public func wordEnd(from offset: Int, limit: Int) -> Int {
        var cut = offset
        guard cut > 0, cut < count, !isSpace(cut) else { return cut }
        while cut > limit, !isSpace(cut - 1) { cut -= 1 }
        while cut > limit, isSpace(cut - 1) { cut -= 1 }
        return cut
    }

    private func isSpace(_ offset: Int) -> Bool { scalars[offset].properties.isWhitespace }

    /// Whether `range` lies inside the text and is not empty.
    public func isValidSpan(_ range: Range<Int>) -> Bool {
        range.lowerBound >= 0 && range.upperBound <= count && !range.isEmpty
    }

    /// Whether the scalars at `offset` equal `needle`.
    public func matches(_ needle: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= count else { return false }
        for (index, scalar) in needle.enumerated() where scalars[offset + index] != scalar {
            return false
        }
        return true
    }

    /// Every offset where `needle` occurs, overlapping occurrences included.
    public func occurrences(of needle: [Unicode.Scalar]) -> [Int] {
        guard let first = needle.first, needle.count <= count else { return [] }
        var found: [Int] = []
        var offset = 0
        let last = count - needle.count
        while offset <= last {
            if scalars[offset] == first, matches(needle, at: offset) {
                found.append(offset)
            }
            offset += 1
        }
        return found
    }
}

extension String {
    /// The number of Unicode scalar values: the unit of every stored offset.
    public var scalarCount: Int {
        // Every scalar has exactly one UTF-8 lead byte: counting bytes that are not
        // continuation bytes (10xxxxxx) is a tight loop over contiguous storage.
        var string = self
        return string.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
