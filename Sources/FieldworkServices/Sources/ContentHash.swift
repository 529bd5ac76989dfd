import Foundation

/// A fast content fingerprint (64-bit FNV-1a plus length) to skip unchanged files on re-ingest.
/// It detects edits, not tampering: nothing security-relevant depends on it.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var running = Running()
        running.add(bytes)
        return running.value
    }

    /// The same fingerprint of a file read in blocks: a pilot's telemetry file may hold tens of
    /// millions of readings, more than is worth holding in memory just to see it is unchanged.
    static func of(file url: URL, path: String) throws -> String {
        let handle = try SourceText.open(url, path: path)
        defer { try? handle.close() }
        var running = Running()
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            block.withUnsafeBytes { running.add($0) }
        }
        return running.value
    }

    /// FNV-1a is a fold over the bytes, so a file's blocks can be added one after another.
    struct Running {
        private var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        private var count = 0

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var hash = self.hash
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            self.hash = hash
            count += bytes.count
        }

        var value: String {
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(count)
        }
    }
}
