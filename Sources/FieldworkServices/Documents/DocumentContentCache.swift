import Foundation
import FieldworkCore
import Synchronization

/// What opening a document computes from its text alone, kept per document stamp: the text as
/// scalars, the segments, the ids attribution may ask the register about, whose words each
/// segment holds, and the HTML of segments without codings. Keyed by content (the stamp the store
/// checks in the same read as the codings), so a new revision, a redaction or an erasure (which
/// re-ingest or remove the document) is never served from here, in this process or another on
/// the same database. The codings and memos are kept with their annotation revision, and the
/// codebook with its revision: the database raises each on every change, and an open sends the
/// revisions it holds, so they are read again exactly when they changed. Consent (today's
/// register) is worked out on every open. A segment's HTML, and the whole transcript's, is kept
/// with a key naming every such thing it shows, and used only while the key is the same. Least
/// recently used entries go first beyond `maximumBytes`.
public final class DocumentContentCache: Sendable {
    /// HTML and the key of what it shows beyond the stamp and variant: for a segment, its codings
    /// with their code names and coder marks and a withheld reason (empty for a plain segment);
    /// for a whole transcript, the revisions of the annotations and codebook and what is withheld.
    public struct RenderedHTML: Sendable {
        public let key: String
        public let html: SafeHTML

        public init(key: String, html: SafeHTML) {
            self.key = key
            self.html = html
        }
    }

    /// One document at one stamp. Immutable; the cache replaces it to add derived parts.
    public struct Entry: Sendable {
        public let stamp: DocumentStamp
        public let document: StoredDocument
        public let text: ScalarText
        public let segments: [Segment]
        /// `PassageAttributor.candidates`: the only register entries an open reads.
        public let candidates: Set<String>
        /// Whose words each segment holds, for the register entries (`known`) it was worked out with.
        var attribution: (known: Set<String>, speakers: SpeakerGroups)?
        /// The codings and memos last read for the document (at any stamp: the annotation
        /// revision alone says whether they are current).
        var annotations: DocumentAnnotations?
        /// The register entries among `candidates`, with the register revision they were read at.
        var register: (revision: Int, participants: [Participant])?
        /// Segment HTML by variant (language, playable), nil where not rendered.
        var segmentHTML: [String: [RenderedHTML?]] = [:]
        /// The whole transcript's HTML by variant.
        var transcriptHTML: [String: RenderedHTML] = [:]
        /// The consent mask last worked out for a write's answer, with the register revision
        /// and occasion it holds for (`consentMask(_:at:)`).
        var consentMask: (registerRevision: Int, occasion: ConsentRule.Occasion, mask: ConsentMask)?
        /// Encoded forms of the whole document (the API's JSON), by a key naming what else they
        /// depend on (the segments withheld).
        var encoded: [String: Data] = [:]
        var bytes: Int

        public init(stamp: DocumentStamp, content: DocumentContent) {
            self.stamp = stamp
            document = content.document
            text = ScalarText(content.document.plainText)
            segments = content.segments
            candidates = PassageAttributor.candidates(segments: segments, text: text, named: document.metadata.participants)
            bytes = 256 + text.count * 4 + document.plainText.utf8.count + segments.count * 160
        }
    }

    /// The entries with their last use, and their total size.
    private struct State {
        var entries: [String: (entry: Entry, used: UInt64)] = [:]
        var clock: UInt64 = 0
        var bytes = 0

        /// Drops the least recently used entries until the rest fit.
        mutating func evict(to maximumBytes: Int) {
            while bytes > maximumBytes, let oldest = entries.min(by: { $0.value.used < $1.value.used }) {
                bytes -= oldest.value.entry.bytes
                entries[oldest.key] = nil
            }
        }
    }

    private let state = Mutex(State())
    /// The codebook last read, with its revision (the database raises it on every change to
    /// the codes): an open sends its revision and gets the codebook only when it changed.
    private let heldCodebook = Mutex<(revision: Int, codebook: Codebook)?>(nil)
    /// The codebook held, in each language it was shown in, with the revision it was made from.
    private let localizedCodebooks = Mutex<[String: (revision: Int, codebook: Codebook)]>([:])
    public let maximumBytes: Int

    public init(maximumBytes: Int = 64 << 20) {
        self.maximumBytes = maximumBytes
    }

    /// The entry held for a document, at whatever stamp it was read.
    public func entry(_ id: String) -> Entry? {
        state.withLock { state in
            guard let held = state.entries[id] else { return nil }
            state.clock += 1
            state.entries[id]?.used = state.clock
            return held.entry
        }
    }

    /// Keeps `entry` for its document, replacing any other stamp's entry (its text is outdated).
    public func keep(_ id: String, _ entry: Entry) {
        state.withLock { state in
            state.bytes -= state.entries[id]?.entry.bytes ?? 0
            state.clock += 1
            state.entries[id] = (entry, state.clock)
            state.bytes += entry.bytes
            state.evict(to: maximumBytes)
        }
    }

    /// Forgets a document (it is gone, or erased): nothing of its text stays in this process.
    public func remove(_ id: String) {
        state.withLock { state in
            state.bytes -= state.entries.removeValue(forKey: id)?.entry.bytes ?? 0
        }
    }

    /// Forgets every document and the codebook.
    public func removeAll() {
        state.withLock { $0 = State() }
        heldCodebook.withLock { $0 = nil }
        localizedCodebooks.withLock { $0 = [:] }
    }

    /// The codebook held and its revision, if any.
    public var codebook: (revision: Int, codebook: Codebook)? { heldCodebook.withLock { $0 } }

    /// `codebook` (read at `revision`) in `language`: made once per revision and language.
    public func localizedCodebook(_ codebook: Codebook, revision: Int, language: String) -> Codebook {
        if let kept = localizedCodebooks.withLock({ $0[language] }), kept.revision == revision { return kept.codebook }
        let localized = codebook.localized(language)
        localizedCodebooks.withLock { $0[language] = (revision, localized) }
        return localized
    }

    /// Keeps the codebook read at `revision`.
    public func keepCodebook(_ codebook: Codebook, revision: Int) {
        heldCodebook.withLock { $0 = (revision, codebook) }
    }

    public var count: Int { state.withLock { $0.entries.count } }

    /// Whose words each segment of `entry` holds, given the register entries `known`: worked out
    /// once per stamp and set of known ids.
    func speakers(_ id: String, _ entry: Entry, known: Set<String>) -> SpeakerGroups {
        if let cached = self.entry(id)?.attributionIfCurrent(entry.stamp, known: known) { return cached }
        let speakers = SpeakerGroups(PassageAttributor(segments: entry.segments, text: entry.text, known: known)
            .people(of: entry.segments, text: entry.text))
        update(id, entry.stamp) { $0.attribution = (known, speakers) }
        return speakers
    }

    /// Keeps the codings and memos read for the document held at `stamp`.
    func keepAnnotations(_ id: String, _ stamp: DocumentStamp, _ annotations: DocumentAnnotations) {
        func size(_ annotations: DocumentAnnotations?) -> Int {
            guard let annotations else { return 0 }
            return annotations.codings.reduce(0) { $0 + 240 + $1.anchor.quote.utf8.count + $1.anchor.prefix.utf8.count
                + $1.anchor.suffix.utf8.count + ($1.memo?.utf8.count ?? 0) }
                + annotations.memos.reduce(0) { $0 + 160 + $1.text.utf8.count }
        }
        update(id, stamp) { entry in
            entry.bytes += size(annotations) - size(entry.annotations)
            entry.annotations = annotations
        }
    }

    /// Keeps the register entries among the candidates of the document held at `stamp`.
    func keepRegister(_ id: String, _ stamp: DocumentStamp, revision: Int, _ participants: [Participant]) {
        update(id, stamp) { entry in
            entry.bytes += participants.count * 400 - (entry.register?.participants.count ?? 0) * 400
            entry.register = (revision, participants)
        }
    }

    /// The segment HTML kept for a variant of this stamp, if any.
    public func segmentHTML(_ id: String, _ stamp: DocumentStamp, variant: String) -> [RenderedHTML?]? {
        state.withLock { state in
            guard let held = state.entries[id], held.entry.stamp == stamp else { return nil }
            return held.entry.segmentHTML[variant]
        }
    }

    public func keepSegmentHTML(_ id: String, _ stamp: DocumentStamp, variant: String, _ html: [RenderedHTML?]) {
        update(id, stamp) { entry in
            entry.bytes += html.reduce(0) { $0 + ($1?.size ?? 0) + 24 } - (entry.segmentHTML[variant]?.reduce(0) { $0 + ($1?.size ?? 0) + 24 } ?? 0)
            entry.segmentHTML[variant] = html
        }
    }

    /// The whole transcript's HTML kept for a variant of this stamp under `key`, if any.
    public func transcriptHTML(_ id: String, _ stamp: DocumentStamp, variant: String, key: String) -> SafeHTML? {
        state.withLock { state in
            guard let held = state.entries[id], held.entry.stamp == stamp,
                  let kept = held.entry.transcriptHTML[variant], kept.key == key else { return nil }
            return kept.html
        }
    }

    public func keepTranscriptHTML(_ id: String, _ stamp: DocumentStamp, variant: String, _ html: RenderedHTML) {
        update(id, stamp) { entry in
            entry.bytes += html.size - (entry.transcriptHTML[variant]?.size ?? 0)
            entry.transcriptHTML[variant] = html
        }
    }

    /// An encoded form of the document at this stamp kept under `key`, if any.
    public func encoded(_ id: String, _ stamp: DocumentStamp, key: String) -> Data? {
        state.withLock { state in
            guard let held = state.entries[id], held.entry.stamp == stamp else { return nil }
            return held.entry.encoded[key]
        }
    }

    /// Keeps an encoded form (one per key; a few keys at most: consent changes rarely).
    public func keepEncoded(_ id: String, _ stamp: DocumentStamp, key: String, _ data: Data) {
        update(id, stamp) { entry in
            if entry.encoded.count >= 4 { entry.bytes -= entry.encoded.values.reduce(0) { $0 + $1.count }; entry.encoded = [:] }
            entry.bytes += data.count - (entry.encoded[key]?.count ?? 0)
            entry.encoded[key] = data
        }
    }

    /// Changes the held entry of `id` if it is still at `stamp`.
    func update(_ id: String, _ stamp: DocumentStamp, _ change: (inout Entry) -> Void) {
        state.withLock { state in
            guard var held = state.entries[id], held.entry.stamp == stamp else { return }
            state.bytes -= held.entry.bytes
            change(&held.entry)
            state.bytes += held.entry.bytes
            state.entries[id] = held
            state.evict(to: maximumBytes)
        }
    }
}

extension DocumentContentCache.RenderedHTML {
    var size: Int { html.rendered.utf8.count + key.utf8.count }
}

extension DocumentContentCache.Entry {
    func attributionIfCurrent(_ stamp: DocumentStamp, known: Set<String>) -> SpeakerGroups? {
        guard self.stamp == stamp, let attribution, attribution.known == known else { return nil }
        return attribution.speakers
    }
}
