import FieldworkCore
import Synchronization

/// The plain texts of the documents being coded, each kept under its stamp (revision and ingest
/// time) with an index from scalar offsets to UTF-8 offsets, so that a coding write cuts its
/// text window in memory. SQLite's `substr` reads a document's whole text out of its overflow
/// pages and counts characters from the start on every call: on a 20,000-word transcript that
/// was 120 KB copied and decoded per write, about 8 % of a write's server CPU.
///
/// The write still reads the stamp in its own transaction, so a text changed by another process
/// (a CLI ingest beside the server) is never cut from a stale copy.
final class DocumentTextCache: Sendable {
    /// Texts kept at most; a coder works in a handful of documents at a time.
    static let capacity = 16

    private struct State {
        var texts: [String: IndexedText] = [:]
        var order: [String] = []  // least recently kept first
    }

    private let state = Mutex(State())

    func text(of documentID: String, stamp: DocumentStamp) -> IndexedText? {
        state.withLock { state in
            guard let text = state.texts[documentID], text.stamp == stamp else { return nil }
            return text
        }
    }

    func keep(_ text: IndexedText, for documentID: String) {
        state.withLock { state in
            if state.texts.updateValue(text, forKey: documentID) != nil {
                state.order.removeAll { $0 == documentID }
            } else if state.order.count >= Self.capacity {
                state.texts[state.order.removeFirst()] = nil
            }
            state.order.append(documentID)
        }
    }
}

/// A document's plain text as UTF-8 with the byte offset of every 64th scalar.
struct IndexedText: Sendable {
    static let stride = 64

    let stamp: DocumentStamp
    let utf8: [UInt8]
    private let checkpoints: [Int]
    let scalarCount: Int

    init(_ text: String, stamp: DocumentStamp) {
        self.stamp = stamp
        utf8 = Array(text.utf8)
        var checkpoints: [Int] = []
        checkpoints.reserveCapacity(utf8.count / Self.stride + 1)
        var scalars = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            if scalars % Self.stride == 0 { checkpoints.append(offset) }
            scalars += 1
        }
        self.checkpoints = checkpoints
        scalarCount = scalars
    }

    /// The byte offset where scalar `scalar` starts (the end of the text past the last one).
    func byteOffset(ofScalar scalar: Int) -> Int {
        guard scalar < scalarCount else { return utf8.count }
        var offset = checkpoints[scalar / Self.stride]
        for _ in 0..<(scalar % Self.stride) {
            offset += 1
            while offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
        }
        return offset
    }

    /// The window `bounds` (scalar offsets) cuts, as `TextWindow` reports it: the document's
    /// length is exact when the window reaches the end, else the window's end (a lower bound).
    func window(_ bounds: Range<Int>) -> TextWindow {
        let lower = min(bounds.lowerBound, scalarCount)
        let upper = min(bounds.upperBound, scalarCount)
        let text = String(decoding: utf8[byteOffset(ofScalar: lower)..<byteOffset(ofScalar: upper)], as: UTF8.self)
        return TextWindow(offset: bounds.lowerBound, text: text, documentLength: min(scalarCount, bounds.upperBound),
                          revision: stamp.revision)
    }
}
