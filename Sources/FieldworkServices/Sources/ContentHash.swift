/// A fast content fingerprint (64-bit FNV-1a plus length) to skip unchanged files on re-ingest.
/// It detects edits, not tampering: nothing security-relevant depends on it.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(bytes.count)
    }
}
