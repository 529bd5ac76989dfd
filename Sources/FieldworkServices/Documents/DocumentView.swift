import FieldworkCore

/// Everything a document page shows: text, segments, codings and the codebook they refer to.
public struct DocumentView: Sendable {
    public var document: StoredDocument
    public var text: ScalarText
    public var segments: [Segment]
    public var codings: [Coding]
    public var codebook: Codebook
    /// Segments whose words the consent rule withholds today, by index: their text is blanked
    /// (figure spaces, so every offset stays valid) and the page shows a marker instead.
    public var withheld: [Int: ConsentRule.Reason] = [:]

    /// During a blind pass, the coder whose codings alone this view holds ("" when the browser
    /// names no coder: then none); nil shows everyone's.
    public private(set) var onlyCoder: String?

    /// A blind pass: only `coder`'s codings, so that no one else's reach the page (not even hidden),
    /// and only their memos: a colleague's memo (an adjudication's "dismissed code=…") tells
    /// what they coded (found by a new user).
    public mutating func narrow(toCoder coder: String?) {
        onlyCoder = coder ?? ""
        memos.memos = memos.memos.filter { $0.author == coder }
        codings = codings.filter { $0.coder == coder }
    }

    /// The codings anchored in the text, in reading order: by start, the longer of two
    /// starting together first (so it encloses the other), then by id.
    public var anchoredCodings: [Coding] {
        codings.filter { $0.status == .anchored }.sorted { ($0.start, -$0.end, $0.id) < ($1.start, -$1.end, $1.id) }
    }

    /// The codings whose text changed beyond recognition, waiting to be re-attached.
    public var orphanedCodings: [Coding] { codings.filter { $0.status == .orphaned } }

    /// The register entries the document's attribution may name (`PassageAttributor.candidates`),
    /// as read for this open: consent and the recording decision need no others.
    public var participants: [Participant] = []
    /// The memos on the document the person acting may see, read in the same open (empty when
    /// the open read no codings).
    public var memos = VisibleMemos(memos: [])
    /// Where the segment HTML without codings of this document's stamp is kept (nil: not kept).
    public var cache: (store: DocumentContentCache, stamp: DocumentStamp)?
    /// The revisions of the codings and memos and of the codebook this view shows (nil when the
    /// open read no codings): with the stamp, they name everything the transcript's HTML shows
    /// besides consent.
    public var revisions: (annotations: Int, codebook: Int)?

    /// `codings: false` leaves the codings and codebook out (the document API shows text and
    /// segments only). With a `cache`, the text, segments and attribution of a stamp already
    /// held are not read or worked out again, nor the codings, memos and codebook of revisions
    /// already held; the stamp and revisions are checked in the same read.
    /// `blanking`: false when only `withheld` is wanted (a coding write's answer), not a text
    /// with the withheld words blanked, which copies the whole text on every write.
    public static func load(_ id: String, from store: any FieldworkStore, codings withCodings: Bool = true,
                            cache: DocumentContentCache? = nil, blanking: Bool = true) async throws -> DocumentView? {
        let cache = cache ?? DocumentContentCache(maximumBytes: .max)
        let held = cache.entry(id)
        let heldCodebook = withCodings ? cache.codebook : nil
        let heldAnnotations = withCodings ? held?.annotations : nil
        guard let read = try await store.documentOpen(DocumentOpenRequest(
            documentID: id, held: held?.stamp, codings: withCodings, participantIDs: held?.candidates ?? [],
            heldCodebook: heldCodebook?.revision, heldAnnotations: heldAnnotations?.revision,
            heldRegister: held?.register?.revision)) else {
            cache.remove(id)  // gone (erased, or its file removed): nothing of it stays here
            return nil
        }
        var codebook = Codebook(codes: [])
        if let fresh = read.codebook {
            codebook = fresh
            cache.keepCodebook(fresh, revision: read.codebookRevision)
        } else if withCodings, let heldCodebook, heldCodebook.revision == read.codebookRevision {
            codebook = heldCodebook.codebook
        }
        var participants: [Participant]
        let entry: DocumentContentCache.Entry
        if let content = read.content {
            entry = DocumentContentCache.Entry(stamp: read.stamp, content: content)
            cache.keep(id, entry)
            // The first open of a stamp learns whom the text names only from the text. Kept with
            // the revision of the first read: had the register changed since, the next open reads again.
            participants = try await store.participants(ids: entry.candidates)
            cache.keepRegister(id, entry.stamp, revision: read.registerRevision, participants)
        } else if let held {
            entry = held
            if let fresh = read.participants {
                participants = fresh
                cache.keepRegister(id, entry.stamp, revision: read.registerRevision, fresh)
            } else {
                participants = held.register?.participants ?? []
            }
        } else {
            return nil
        }
        var annotations = DocumentAnnotations(revision: read.annotationRevision, codings: [], memos: [])
        if let fresh = read.annotations {
            annotations = fresh
            cache.keepAnnotations(id, entry.stamp, fresh)
        } else if let heldAnnotations, heldAnnotations.revision == read.annotationRevision {
            annotations = heldAnnotations
            if held?.stamp != entry.stamp { cache.keepAnnotations(id, entry.stamp, heldAnnotations) }
        }
        var view = DocumentView(document: entry.document, text: entry.text, segments: entry.segments,
                                codings: annotations.codings, codebook: codebook)
        view.participants = participants
        view.memos = VisibleMemos.of(annotations.memos, onDocument: entry.document.metadata)
        view.cache = (cache, entry.stamp)
        if withCodings { view.revisions = (read.annotationRevision, read.codebookRevision) }
        view.applyConsent(speakers: cache.speakers(id, entry, known: Set(participants.map(\.id))), blanking: blanking)
        return view
    }

    /// Withholds the words of every segment the consent rule does not allow today (`speakers`:
    /// whose words each segment holds), and the quotes, context and memos of codings that touch
    /// them, and of orphaned codings (`ConsentMask.withholds`).
    mutating func applyConsent(speakers: SpeakerGroups, blanking: Bool = true) {
        withheld = Self.withheldSegments(segments, of: document.metadata, speakers: speakers, rule: ConsentRule.today(participants))
        guard !withheld.isEmpty, blanking else { return }
        var scalars = text.scalars
        let blank = Unicode.Scalar(0x2007)!
        let hidden = segments.filter { withheld[$0.index] != nil }
        for segment in hidden {
            for offset in segment.span where offset < scalars.count && scalars[offset] != "\n" { scalars[offset] = blank }
        }
        text = ScalarText(scalars: scalars)
        document.plainText = text.string
        for index in codings.indices where ConsentMask.withholds(codings[index], beside: hidden.lazy.map(\.span)) {
            let coding = codings[index]
            codings[index].anchor = TextQuoteAnchor(quote: "", prefix: "", suffix: "", start: coding.start, end: coding.end)
            codings[index].memo = nil
        }
    }

    /// The segments whose words `consent` withholds, by index (`speakers`: whose words each
    /// segment holds).
    static func withheldSegments(_ segments: [Segment], of metadata: DocumentMetadata, speakers: SpeakerGroups,
                                 rule consent: ConsentRule) -> [Int: ConsentRule.Reason] {
        let reasons = speakers.distinct.map { people -> ConsentRule.Reason? in
            if case .withheld(let reason) = consent.words(of: people, type: metadata.type, date: metadata.date) { return reason }
            return nil
        }
        guard reasons.contains(where: { $0 != nil }) else { return [:] }
        var withheld: [Int: ConsentRule.Reason] = [:]
        for (segment, group) in zip(segments, speakers.group) {
            if let reason = reasons[group] { withheld[segment.index] = reason }
        }
        return withheld
    }
}
