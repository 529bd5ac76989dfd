import FieldworkCore

/// A short fingerprint of everything the document page shows that other people can change: the
/// text's revision, each coding (id, version, status, place, code) and each memo on the document.
/// The page polls it (`GET /api/documents/{id}/changes`) and reloads its transcript only when the
/// fingerprint moves, so a colleague's codings appear without a reload. Read-only: the coding
/// write path does not pay for it.
public struct DocumentActivity: Sendable, Hashable {
    public var documentID: String
    public var revision: Int
    public var codings: Int
    public var stamp: String

    /// Nil when there is no such document.
    public static func load(_ id: String, from store: any FieldworkStore, memos: MemoService) async throws -> DocumentActivity? {
        guard let document = try await store.document(id: id) else { return nil }
        let codings = try await store.codings(CodingFilter(documentID: id))
        let notes = try await memos.visible(target: .document, targetID: id).memos
        var hash = FNV1a()
        hash.add("r\(document.revision)")
        for coding in codings.sorted(by: { $0.id < $1.id }) {
            hash.add("c\(coding.id)|\(coding.version)|\(coding.status.rawValue)|\(coding.start)|\(coding.end)|\(coding.codeID)")
        }
        for memo in notes.sorted(by: { $0.id < $1.id }) { hash.add("m\(memo.id)|\(memo.version)") }
        return DocumentActivity(documentID: id, revision: document.revision, codings: codings.count, stamp: hash.hex)
    }
}

/// 64-bit FNV-1a: a fingerprint, not a security measure (the stamp only says "changed").
private struct FNV1a {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 + [0] {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
