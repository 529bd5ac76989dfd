import FieldworkCore
import FieldworkServices

/// Renders a transcript as HTML, turn by turn, with codings as nested highlights.
///
/// The contract with the browser script: every `span.run` holds exactly one text node whose
/// text is the plain text from `data-s` on (in Unicode scalars), so a selection's offsets can be
/// computed exactly; each `mark.hl` is one coding (`data-coding`, `data-code`), nested where
/// codings overlap; the margin lists each coding of the segment once. A timed segment carries
/// its times (`data-time-start`, `data-time-end`, seconds) and, when the recording may be
/// played, a "play from here" button beside its speaker (never inside the text).
struct TranscriptRenderer {
    let view: DocumentView
    var playable = false
    let t: Localizer

    func render() -> SafeHTML {
        // The whole transcript is the same on every open of this stamp in this variant while the
        // revisions of its codings, memos and codebook and what consent withholds are.
        // A blind pass's transcript holds one coder's codings: kept apart from everyone's.
        let variant = "\(t.language.rawValue)|\(playable)" + (view.onlyCoder.map { "|only:" + $0 } ?? "")
        guard let cache = view.cache, let revisions = view.revisions else { return renderSegments(variant: variant) }
        let key = "\(revisions.annotations)|\(revisions.codebook)|"
            + view.withheld.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.rawValue)" }.joined(separator: ",")
        let id = view.document.metadata.id
        if let kept = cache.store.transcriptHTML(id, cache.stamp, variant: variant, key: key) { return kept }
        let html = renderSegments(variant: variant)
        cache.store.keepTranscriptHTML(id, cache.stamp, variant: variant, DocumentContentCache.RenderedHTML(key: key, html: html))
        return html
    }

    private func renderSegments(variant: String) -> SafeHTML {
        let participants = Set(view.document.metadata.participants)
        let anchored = view.anchoredCodings
        let marks = CoderMarks(coders: anchored.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map(\.coder))
        // `data-only-coder`: whose codings alone were drawn in a blind pass (blind.js asks for the
        // page again when the pass or the coder changes).
        let only: SafeHTML = view.onlyCoder.map { " data-only-coder=\"\($0)\"" } ?? ""
        var html: SafeHTML = "<article id=\"transcript\" data-document=\"\(view.document.metadata.id)\" data-revision=\"\(view.document.revision)\" data-length=\"\(view.text.count)\"\(only)>"
        var headings: [String] = []
        var cursor = 0  // codings ending before the current segment are skipped once
        // A segment's HTML is the same on every open of this stamp in this language while its
        // codings (with their code names and coder marks) and its withheld reason are: kept
        // under a key of those, an unchanged segment costs a copy and a changed one is redrawn.
        var kept = view.cache.flatMap { $0.store.segmentHTML(view.document.metadata.id, $0.stamp, variant: variant) }
            ?? Array(repeating: nil, count: view.segments.count)
        var added = false
        for (position, segment) in view.segments.enumerated() {
            html += headingChanges(from: headings, to: segment.headingPath)
            headings = segment.headingPath
            while cursor < anchored.count, anchored[cursor].end <= segment.start, anchored[cursor].start < segment.start {
                cursor += 1
            }
            let overlapping = anchored[cursor...].prefix { $0.start < segment.end }.filter { $0.end > segment.start }
            let key = renderKey(overlapping, withheld: view.withheld[segment.index], marks: marks)
            if position < kept.count, let held = kept[position], held.key == key {
                html += held.html
                continue
            }
            let segmentHTML = renderSegment(segment, codings: overlapping, participants: participants, marks: marks)
            if position < kept.count {
                kept[position] = DocumentContentCache.RenderedHTML(key: key, html: segmentHTML)
                added = true
            }
            html += segmentHTML
        }
        if added, let cache = view.cache {
            cache.store.keepSegmentHTML(view.document.metadata.id, cache.stamp, variant: variant, kept)
        }
        return html + "</article>"
    }

    /// Everything a segment's HTML shows besides the stamp and the variant (see `renderSegment`):
    /// each coding's id, code, coder, span, chip name and coder mark, and a withheld reason.
    private func renderKey(_ codings: [Coding], withheld: ConsentRule.Reason?, marks: CoderMarks) -> String {
        guard !codings.isEmpty || withheld != nil else { return "" }
        var key = withheld?.rawValue ?? ""
        for coding in codings {
            key += "\u{1E}\(coding.id)\u{1F}\(coding.codeID)\u{1F}\(coding.coder)\u{1F}\(coding.start)\u{1F}\(coding.end)"
                + "\u{1F}\(chipName(coding))\u{1F}\(marks.styleClass(of: coding.coder))"
        }
        return key
    }

    /// The name a coding's chip shows: its code's name in the page's language.
    private func chipName(_ coding: Coding) -> String {
        view.codebook[coding.codeID]?.name ?? coding.codeID
    }

    private func headingChanges(from old: [String], to new: [String]) -> SafeHTML {
        var html = SafeHTML()
        for (level, title) in new.enumerated() where level >= old.count || old[level] != title || old.prefix(level) != new.prefix(level) {
            let tag = "h\(min(6, level + 2))"
            html += "<\(tag) class=\"heading\">\(title)</\(tag)>"
        }
        return html
    }

    private func renderSegment(_ segment: Segment, codings: [Coding], participants: Set<String>, marks: CoderMarks) -> SafeHTML {
        var html: SafeHTML = "<section id=\"s\(segment.start)\" class=\"segment \(segment.kind.rawValue)\" data-index=\"\(segment.index)\" data-start=\"\(segment.start)\" data-end=\"\(segment.end)\""
        if let start = segment.timeStart { html += " data-time-start=\"\(start)\"" }
        if let end = segment.timeEnd { html += " data-time-end=\"\(end)\"" }
        let play = playButton(segment)
        if let speaker = segment.speaker {
            let role = participants.contains(speaker) ? "participant" : "interviewer"
            html += " data-speaker=\"\(speaker)\"><div class=\"speaker\" data-role=\"\(role)\">\(speaker)\(play)</div>"
        } else {
            html += play.isEmpty ? "><div class=\"speaker\" aria-hidden=\"true\"></div>" as SafeHTML : "><div class=\"speaker\">\(play)</div>"
        }
        if let reason = view.withheld[segment.index] {
            html += "<div class=\"text withheld\">\(t.withheld(reason))</div>"
        } else {
            html += "<div class=\"text\">" + renderText(segment, codings: codings) + "</div>"
        }
        html += "<ul class=\"margin\" aria-label=\"\(t.html("document.margin"))\">"
        for coding in codings {
            let name = chipName(coding)
            // The initials are drawn by CSS from `data-initials`, so the chip's text stays the code name.
            // The title repeats the accessible name: a name too long for the margin is cut (…), and
            // pointing at the chip shows it whole (the title said only who coded it).
            let label = t.html("chip.label", ["code": name, "coder": coding.coder])
            html += "<li><button type=\"button\" id=\"\(Self.chipID(coding, segment))\" class=\"chip \(marks.styleClass(of: coding.coder))\" data-coding=\"\(coding.id)\" data-code=\"\(coding.codeID)\""
                + " data-coder=\"\(coding.coder)\" data-initials=\"\(CoderMarks.initials(of: coding.coder))\""
                + " title=\"\(label)\" aria-label=\"\(label)\">\(name)</button></li>"
        }
        return html + "</ul></section>"
    }

    /// "Play from here" for a timed segment when the recording may be played; `recording.js` seeks.
    private func playButton(_ segment: Segment) -> SafeHTML {
        guard playable, let start = segment.timeStart, view.withheld[segment.index] == nil else { return SafeHTML() }
        let clock = SegmentTimestamp.clock(start)
        return "<button type=\"button\" class=\"play-from\" data-time=\"\(start)\" aria-label=\"\(t.html("recording.playFrom", ["time": clock]))\">"
            + "<span aria-hidden=\"true\">▶ </span>\(clock)</button>"
    }

    /// A chip's id: a coding spanning two passages has a chip in each margin.
    static func chipID(_ coding: Coding, _ segment: Segment) -> String {
        "chip-\(segment.start)-\(coding.id)"
    }

    /// Splits the segment at every coding boundary; each piece is wrapped in the marks of the
    /// codings that cover it, outermost first, so overlaps nest consistently.
    private func renderText(_ segment: Segment, codings: [Coding]) -> SafeHTML {
        var boundaries = Set([segment.start, segment.end])
        for coding in codings {
            boundaries.insert(max(segment.start, coding.start))
            boundaries.insert(min(segment.end, coding.end))
        }
        let points = boundaries.sorted()
        var html = SafeHTML()
        for (lower, upper) in zip(points, points.dropFirst()) where upper > lower {
            let covering = codings.filter { $0.start <= lower && $0.end >= upper }
            for coding in covering {
                // Named for screen readers by its margin chip ("code, coded by name").
                html += "<mark class=\"hl\" data-coding=\"\(coding.id)\" data-code=\"\(coding.codeID)\" aria-describedby=\"\(Self.chipID(coding, segment))\">"
            }
            html += "<span class=\"run\" data-s=\"\(lower)\">\(view.text[lower..<upper])</span>"
            html += Array(repeating: "</mark>" as SafeHTML, count: covering.count).joined()
        }
        return html
    }
}
