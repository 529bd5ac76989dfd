/// Seeded mutations of a real file's bytes, the kind a fuzzer starts with: flipped bits,
/// bytes dropped, inserted or repeated, chunks duplicated or cut, and bytes that matter to
/// parsers (quotes, colons, brackets, invalid UTF-8, huge numbers) spliced in.
public struct ByteMutator {
    private var generator: SeededGenerator
    private static let interesting: [[UInt8]] = [
        [0x22], [0x3A], [0x0A], [0x2D, 0x2D, 0x2D, 0x0A], [0x7B], [0x7D], [0x5B], [0x5D], [0x3C], [0x3E],
        [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00], [0x09], [0x0D],
        Array("1e16".utf8), Array("-1e308".utf8), Array("99999999999999999999".utf8), Array("NaN".utf8),
        Array("&#0;".utf8), Array("]]>".utf8), Array("*a".utf8), Array("&a [a]".utf8), Array("\u{200D}👩‍👩‍👧".utf8),
    ]

    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// One to four mutations applied to `bytes`.
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) { mutateOnce(&result) }
        return result
    }

    private mutating func mutateOnce(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
        case 1 where !bytes.isEmpty:
            bytes.remove(at: position)
        case 2:
            bytes.insert(contentsOf: Self.interesting.randomElement(using: &generator)!, at: position)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...64, using: &generator))
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + Int.random(in: 1...256, using: &generator))
            bytes.removeSubrange(position..<end)
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
        }
    }
}
