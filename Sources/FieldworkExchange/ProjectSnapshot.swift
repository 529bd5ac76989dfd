import FieldworkCore
import FieldworkServices
import Foundation

/// Everything a project export needs, read from the store once and put in a fixed order, so
/// that the same workspace always yields the same file.
struct ProjectSnapshot: Sendable {
    var name: String
    /// By id.
    var documents: [StoredDocument]
    var codebook: Codebook
    /// Anchored codings by document, start, id. Orphans have no valid place in today's text.
    var codings: [Coding]
    var orphansSkipped: Int
    /// By id.
    var participants: [Participant]
    /// Analytic memos by creation time, then id.
    var memos: [Memo]
    /// The consent rule as applied: what it withheld (segments blanked, codings and cases left out).
    var consent: ExportMetadata
    /// Document id → its corpus file as ingested (`SourceMarkdown`), for documents of which
    /// nothing is withheld or redacted: the Markdown holds every word, and more than the text.
    var markdown: [String: String] = [:]

    /// Applies the consent rule of today, as the document page does: the characters of withheld
    /// segments are blanked (figure spaces, so every position stays valid), codings touching them
    /// are left out (their quotes and memos are the words), and participants with no consent in
    /// force, or restricted to other coders (`corpus/access.yaml`), are no cases; memos on
    /// documents restricted to other coders are left out (`VisibleMemos`).
    /// - Parameter workspace: where the corpus files are, to carry their Markdown; nil carries none.
    static func read(from store: any FieldworkStore, name: String, redactions: Redactions = Redactions([]),
                     workspace: Workspace? = nil) async throws -> ProjectSnapshot {
        var snapshot = try await read(from: store, name: name, workspace: workspace)
        snapshot.redact(redactions)
        return snapshot
    }

    /// Replaces the identifiers of `corpus/redactions.yaml` in every text the project carries:
    /// source texts (codings carried through the edits, so they stay on their words), titles,
    /// interviewers, quotes, memos, notes and case variables.
    mutating func redact(_ redactions: Redactions) {
        guard !redactions.isEmpty else { return }
        var count = 0
        func clean(_ text: String) -> String {
            let (redacted, n) = redactions.apply(text)
            count += n
            return redacted
        }
        var maps: [String: RedactedText] = [:]
        for index in documents.indices {
            let mapped = redactions.map(ScalarText(documents[index].plainText))
            count += mapped.count
            maps[documents[index].metadata.id] = mapped
            documents[index].plainText = mapped.text.string
            documents[index].metadata.title = clean(documents[index].metadata.title)
            documents[index].metadata.interviewer = documents[index].metadata.interviewer.map(clean)
            // A folder or file name may hold an identifier too: the source then says nothing of where it lay.
            if redactions.apply(documents[index].path).count > 0 { documents[index].path = "corpus/\(documents[index].metadata.id).md" }
            // Redacted words may stand anywhere in the file, front matter included: no Markdown then.
            let id = documents[index].metadata.id
            if mapped.count > 0 || markdown[id].map({ redactions.apply($0).count > 0 }) == true { markdown[id] = nil }
        }
        for index in codings.indices {
            var coding = codings[index]
            if let mapped = maps[coding.documentID], mapped.count > 0 {
                let start = mapped.offset(coding.start), end = max(mapped.offset(coding.end, end: true), start + 1)
                coding.anchor = TextQuoteAnchor(span: start..<end, inText: mapped.text.string) ?? coding.anchor
            } else {
                coding.anchor.quote = clean(coding.anchor.quote)
            }
            coding.memo = coding.memo.map(clean)
            codings[index] = coding
        }
        for index in memos.indices { memos[index].text = clean(memos[index].text) }
        // Codes' descriptions carry their examples, which quote transcripts.
        codebook = Codebook(codes: codebook.codes.map { $0.redacted(with: redactions, count: &count) })
        for index in participants.indices { participants[index].attributes = participants[index].attributes.mapValues(clean) }
        consent.redactions = count
    }

    private static func read(from store: any FieldworkStore, name: String, workspace: Workspace?) async throws -> ProjectSnapshot {
        let participants = try await store.participants().sorted { $0.id < $1.id }
        let rule = ConsentRule.today(participants)
        var consent = ExportMetadata(export: "qdpx", rule: rule)
        var segmentsWithheld = WithheldCount(), codingsWithheld = WithheldCount(), casesWithheld = WithheldCount()
        var documents: [StoredDocument] = []
        var hidden: [String: [(span: Range<Int>, reason: ConsentRule.Reason)]] = [:]
        for summary in try await store.documents().sorted(by: { $0.metadata.id < $1.metadata.id }) {
            guard let view = try await DocumentView.load(summary.metadata.id, from: store) else { continue }
            documents.append(view.document)
            for segment in view.segments {
                guard let reason = view.withheld[segment.index] else { continue }
                segmentsWithheld.add(reason)
                hidden[summary.metadata.id, default: []].append((segment.span, reason))
            }
        }
        var markdown: [String: String] = [:]
        if let workspace {
            let ingested = try await store.sourceFiles()
            for document in documents where hidden[document.metadata.id] == nil {
                markdown[document.metadata.id] = SourceMarkdown.asIngested(document, workspace: workspace, ingested: ingested[document.path])
            }
        }
        let all = try await store.codings(CodingFilter())
        let codings = all.filter { coding in
            guard coding.status == .anchored else { return false }
            guard let touched = hidden[coding.documentID]?.first(where: { $0.span.overlaps(coding.anchor.span) }) else { return true }
            codingsWithheld.add(touched.reason)
            return false
        }.sorted { ($0.documentID, $0.start, $0.id) < ($1.documentID, $1.start, $1.id) }
        let cases = participants.filter { person in
            guard let reason = rule.caseWithheld(person) else { return true }
            casesWithheld.add(reason)
            return false
        }
        // Code descriptions carry the examples: one quoting withheld words reads as its marker.
        let codebook = try await ShownCodebook(store: store).marked()
        consent.add(segmentsWithheld, unit: "segments")
        consent.add(codebook.withheld, unit: "examples")
        consent.add(codingsWithheld, unit: "codings")
        consent.add(casesWithheld, unit: "cases")
        let memos = try await VisibleMemos.of(try await store.memos(target: nil, targetID: nil), in: store)
        consent.add(memos.withheld, unit: "memos")
        return ProjectSnapshot(
            name: name, documents: documents, codebook: codebook.codebook, codings: codings,
            orphansSkipped: all.filter { $0.status != .anchored }.count,
            participants: cases,
            memos: memos.memos.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) },
            consent: consent, markdown: markdown)
    }

    /// Everyone who coded or wrote a memo, sorted: the project's users.
    var users: [String] {
        Set(codings.map(\.coder) + memos.map(\.author)).sorted()
    }

    /// Who made the first coding or memo, and when; and when anything was last changed.
    var history: (creator: String, created: Date, modified: Date)? {
        let events = codings.map { ($0.createdAt, $0.coder, $0.updatedAt) } + memos.map { ($0.createdAt, $0.author, $0.updatedAt) }
        guard let first = events.min(by: { ($0.0, $0.1) < ($1.0, $1.1) }),
              let modified = events.map(\.2).max() else { return nil }
        return (first.1, first.0, modified)
    }
}
