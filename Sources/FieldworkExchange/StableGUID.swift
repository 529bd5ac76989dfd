import Foundation

/// GUIDs for REFI-QDA elements, derived from Fieldwork's own ids as name-based UUIDs (version 5,
/// RFC 9562) in a namespace of our own.
///
/// Derived, not random: exporting the same workspace twice gives the same file, and a project
/// that comes back from another tool still names our codes by the GUIDs we gave them, so they map
/// back to the same codes on import.
enum StableGUID {
    enum Kind: String {
        case code
        case document
        case selection
        case coding
        case user
        case memo
        case codingMemo = "coding-memo"
        case participant
        case variable
    }

    /// A fixed random UUID: the namespace of every Fieldwork GUID.
    private static let namespace: [UInt8] = hexBytes("f6587184aefe46128eeae6e3b832ada8")

    static func make(_ kind: Kind, _ id: String) -> String {
        var hash = Array(SHA1.digest(namespace + Array("\(kind.rawValue):\(id)".utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50  // version 5
        hash[8] = (hash[8] & 0x3F) | 0x80  // RFC variant
        let hex = hash.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }

    /// GUIDs from other tools come in either case and sometimes in braces (`{…}`); compare this form.
    static func normalized(_ guid: String) -> String {
        guid.trimmingCharacters(in: CharacterSet(charactersIn: "{} \t\n")).lowercased()
    }

    private static func hexBytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}
