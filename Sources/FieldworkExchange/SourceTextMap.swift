import FieldworkCore
import FieldworkServices
import Foundation

/// A plain text from another tool in Fieldwork's canonical form — no byte-order mark, LF line
/// endings, NFC — with the way from the tool's positions (code points of its text) to positions
/// in the canonical text.
///
/// Usually the two are the same text and positions carry over unchanged. When the tool's file
/// has CRLF line endings or decomposed letters, positions are translated character by
/// character: a grapheme cluster is the unit normalisation works within (NFC never composes
/// across one, and CR LF is a single cluster), so every cluster boundary has an exact
/// counterpart. A position inside a cluster that normalisation changed has none, and is reported.
struct SourceTextMap: Sendable {
    /// The canonical text.
    let text: String
    /// The tool's text as it is in the file (without a byte-order mark): what positions count.
    let original: [Unicode.Scalar]
    /// Code points in the tool's text.
    var sourceCount: Int { original.count }
    /// Tool position → canonical position; nil when the texts are identical.
    private let offsets: [Int?]?

    /// From file bytes: strictly UTF-8 (a file that is not is refused with the byte it fails at).
    init(data: Data) throws {
        let canonical = try SourceText.decode(data, path: "text").text
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.init(original: String(decoding: bytes, as: UTF8.self), canonical: canonical)
    }

    /// From text carried inside the XML (`PlainTextContent`).
    init(inline text: String) throws {
        try self.init(data: Data(text.utf8))
    }

    private init(original: String, canonical: String) {
        text = canonical
        self.original = Array(original.unicodeScalars)
        let sourceCount = self.original.count
        // Scalar by scalar: Swift's `==` on strings would call "é" and "e\u{301}" equal.
        if original.unicodeScalars.elementsEqual(canonical.unicodeScalars) {
            offsets = nil
            return
        }
        var offsets = [Int?](repeating: nil, count: sourceCount + 1)
        var rebuilt: [Unicode.Scalar] = []
        rebuilt.reserveCapacity(canonical.unicodeScalars.count)
        var position = 0
        for character in original {
            let scalars = Array(character.unicodeScalars)
            let piece: [Unicode.Scalar] = if character == "\r\n" || character == "\r" {
                ["\n"]
            } else if scalars.allSatisfy({ $0.value < 0x300 }) {
                scalars  // NFC-stable; skip the normaliser
            } else {
                Array(String(character).precomposedStringWithCanonicalMapping.unicodeScalars)
            }
            offsets[position] = rebuilt.count
            if piece == scalars {
                for inner in scalars.indices.dropFirst() { offsets[position + inner] = rebuilt.count + inner }
            }
            position += scalars.count
            rebuilt += piece
        }
        offsets[position] = rebuilt.count
        // Cluster-wise normalisation equals whole-text normalisation for all real text; should it
        // ever not, no position is trusted.
        self.offsets = rebuilt.elementsEqual(canonical.unicodeScalars) ? offsets : [Int?](repeating: nil, count: sourceCount + 1)
    }

    /// The canonical position of a tool's position, or nil if it has none.
    func canonical(_ position: Int) -> Int? {
        guard position >= 0, position <= sourceCount else { return nil }
        guard let offsets else { return position }
        return offsets[position]
    }

    /// Whether a tool's position falls between the CR and the LF of a line break.
    func splitsCRLF(_ position: Int) -> Bool {
        position > 0 && position < original.count && original[position - 1] == "\r" && original[position] == "\n"
    }
}
