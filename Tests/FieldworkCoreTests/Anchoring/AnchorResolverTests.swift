import FieldworkTestSupport
import Testing
@testable import FieldworkCore

/// Resolves the coding of `quote` (its `occurrence`-th occurrence in `old`) in `new`.
private func resolve(_ quote: String, occurrence: Int = 0, from old: String, into new: String) -> AnchorResolution? {
    AnchorResolver.resolve(Transcripts.anchor(quote, occurrence: occurrence, in: old), in: ScalarText(new))
}

private func text(of resolution: AnchorResolution?, in new: String) -> String? {
    resolution.map { ScalarText(new)[$0.span] }
}

@Suite("AnchorResolver scenarios")
struct AnchorResolverTests {
    let sv = Transcripts.swedish

    @Test("unchanged text keeps every coding in place", arguments: [Transcripts.swedish, Transcripts.english])
    func unchanged(document: String) {
        let text = ScalarText(document)
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<150 {
            let length = Int.random(in: 1...120, using: &rng)
            let start = Int.random(in: 0...(text.count - length), using: &rng)
            let anchor = TextQuoteAnchor(span: start..<start + length, in: text)
            let resolved = AnchorResolver.resolve(anchor, in: text)
            #expect(resolved?.span == start..<start + length && resolved?.method == .position, "\(anchor.quote)")
        }
    }

    @Test("text inserted before shifts every coding after it; codings before stay put")
    func insertionShifts() {
        let marker = "[00:01:52] I:"
        let insertion = "[00:01:50] I: (ohörbart, ca 3 sek) Förlåt, jag tappade tråden. "
        let new = sv.replacingFirst(marker, with: insertion + marker)
        let cut = Transcripts.span(of: marker, in: sv).lowerBound
        let shift = insertion.unicodeScalars.count
        let old = ScalarText(sv), updated = ScalarText(new)
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<200 {
            let length = Int.random(in: 1...80, using: &rng)
            let start = Int.random(in: 0...(old.count - length), using: &rng)
            guard !(start..<start + length).contains(cut), start + length != cut else { continue }
            let expected = start >= cut ? (start + shift)..<(start + shift + length) : start..<start + length
            let resolved = AnchorResolver.resolve(TextQuoteAnchor(span: start..<start + length, in: old), in: updated)
            #expect(resolved?.span == expected, "\(old[start..<start + length])")
            #expect(resolved?.method == (start >= cut ? .exact : .position))
        }
    }

    @Test func timestampInsertedRightBeforeQuoteStillExact() {
        let quote = "Mer tid. Tid att prata med varandra i arbetslaget"
        let new = sv.replacingFirst(quote, with: "[00:03:47] " + quote)
        let resolved = resolve(quote, from: sv, into: new)
        #expect(resolved?.method == .exact)
        #expect(text(of: resolved, in: new) == quote)
    }

    @Test func typoFixInsideQuoteIsFuzzyWithUpdatedSpan() {
        let quote = "Jag visste inte riktigt vad som förväntades av mig"
        let corrected = "Jag visste inte riktigt vad som förväntades av mej"
        let longer = "jag kommer in vid sju ungefär"
        var new = sv.replacingFirst(quote, with: corrected)
        new = new.replacingFirst(longer, with: "jag kommer in vid sju, ungefär,")
        let resolved = resolve(quote, from: sv, into: new)
        #expect(resolved?.method == .fuzzy)
        #expect(resolved?.errors == 2)
        #expect(text(of: resolved, in: new) == corrected)
        let second = resolve(longer, from: sv, into: new)
        #expect(second?.method == .fuzzy)
        #expect(text(of: second, in: new) == "jag kommer in vid sju, ungefär")
    }

    @Test func movedParagraphReanchors() {
        let turn = "Inte direkt. Vi har handledning en gång i månaden, men den handlar mest om pedagogiken. Jag tog upp det en gång och chefen sa att vi skulle lägga det på agendan, men det hände aldrig. Så nej, inte egentligen."
        // The turn is moved to the end and re-timed, so the text just around it is all new.
        let new = sv.replacingFirst("[00:02:34] R: " + turn + "\n\n", with: "") + "\n\n[00:04:40] R: " + turn
        // A sentence inside the turn: its context moved with it.
        let inner = "chefen sa att vi skulle lägga det på agendan"
        let moved = resolve(inner, from: sv, into: new)
        #expect(moved?.method == .exact)
        #expect(moved?.span == Transcripts.span(of: inner, in: new))
        // The whole turn: both contexts changed; accepted because it is long, distinctive and unique.
        let whole = resolve(turn, from: sv, into: new)
        #expect(whole?.method == .exact)
        #expect(whole?.span == Transcripts.span(of: turn, in: new))
    }

    @Test func shortQuoteWithBothContextsRewrittenIsOrphaned() {
        let quote = "Inte direkt."
        let bothSides = sv.replacingFirst(
            "[00:02:34] R: Inte direkt. Vi har",
            with: "[00:02:34] Respondenten (tyst en stund): Inte direkt. Fast det finns en psykolog vi kan ringa. Vi har")
        #expect(resolve(quote, from: sv, into: bothSides) == nil)
        // With one side intact the same short quote is found.
        let oneSide = sv.replacingFirst("[00:02:34] R: Inte direkt.", with: "[00:02:34] Respondenten (tyst en stund): Inte direkt.")
        #expect(text(of: resolve(quote, from: sv, into: oneSide), in: oneSide) == quote)
    }

    @Test func deletedQuoteIsOrphaned() {
        let quote = "Föräldrarnas mående påverkar ju barnen, så man kan inte bara stänga av det."
        let new = sv.replacingFirst(quote + " ", with: "")
        #expect(resolve(quote, from: sv, into: new) == nil)
    }

    /// Every whole-word occurrence of common short words, deleted one at a time, must orphan even
    /// though the same word remains many times elsewhere (this also calibrates the 0.7 threshold).
    @Test("deleted short word with other occurrences is orphaned",
          arguments: ["ju", "Ja", "och", "inte", "det", "jag", "Det var svårt.", "Mm.", "barnen", "tid", "en"])
    func deletedShortWordIsOrphaned(word: String) {
        let scalars = Array(sv.unicodeScalars)
        let hits = ScalarText(sv).occurrences(of: Array(word.unicodeScalars)).filter { start in
            let end = start + word.unicodeScalars.count
            let before = start == 0 || !scalars[start - 1].properties.isAlphabetic
            let after = end == scalars.count || !scalars[end].properties.isAlphabetic
            return before && after
        }
        #expect(hits.count >= 1)
        for start in hits {
            let span = start..<start + word.unicodeScalars.count
            let anchor = TextQuoteAnchor(span: span, in: ScalarText(sv))
            let resolved = AnchorResolver.resolve(anchor, in: ScalarText(sv.removingScalars(span)))
            #expect(resolved == nil, "\(word) at \(start) → \(String(describing: resolved))")
        }
    }

    @Test func stutteredRepeatFollowsAShiftButOrphansWhenDeleted() {
        let shifted = "Transkriberad av: AB\n" + sv
        for occurrence in 0..<2 {  // "Nej, jag, jag tror": codings on either "jag"
            let quoteSpan = Transcripts.span(of: "jag, jag tror", in: sv)
            let span = quoteSpan.lowerBound + 5 * occurrence..<quoteSpan.lowerBound + 5 * occurrence + 3
            let anchor = TextQuoteAnchor(span: span, in: ScalarText(sv))
            let shift = "Transkriberad av: AB\n".unicodeScalars.count
            #expect(AnchorResolver.resolve(anchor, in: ScalarText(shifted))?.span == span.lowerBound + shift..<span.upperBound + shift)
            // Deleting that "jag" (and its comma) must not hand the coding to the other one.
            let cut = span.lowerBound..<span.upperBound + 1
            #expect(AnchorResolver.resolve(anchor, in: ScalarText(sv.removingScalars(cut))) == nil)
        }
    }

    @Test func duplicatedQuoteChoosesTheOccurrenceWhoseContextFits() {
        // "Det var svårt" occurs twice in different turns. Shift everything; each coding keeps its own.
        let new = "Transkriberad av: AB\n" + sv
        for occurrence in 0..<2 {
            let resolved = resolve("Det var svårt", occurrence: occurrence, from: sv, into: new)
            #expect(resolved?.method == .exact)
            #expect(resolved?.span == Transcripts.span(of: "Det var svårt", occurrence: occurrence, in: new))
        }
    }

    @Test func identicalDuplicatedPassageIsAmbiguousOnceShifted() {
        let passage = "[00:05:00] R: Vi pratade om schemat igen, och det blev samma sak som förra veckan, ingen ville ge sig.\n\n"
        let old = sv + "\n\n" + passage + passage + "[00:06:00] I: Tack så mycket."
        let quote = "och det blev samma sak"
        // Unchanged: the stored offset and context decide.
        #expect(resolve(quote, occurrence: 1, from: old, into: old)?.method == .position)
        // Shifted: both copies fit the stored context equally well, so the coding is orphaned.
        #expect(resolve(quote, occurrence: 1, from: old, into: "Rad 1\n" + old) == nil)
    }

    @Test func emojiZWJSequenceInQuoteAndContext() {
        let quote = "tre barn, 👩‍👩‍👧 nej förlåt, en mamma"
        let shifted = "Anteckning: 👩‍👩‍👧‍👦\n" + sv
        let moved = resolve(quote, from: sv, into: shifted)
        #expect(moved?.method == .exact)
        #expect(text(of: moved, in: shifted) == quote)
        #expect(moved.map { $0.span.count } == quote.unicodeScalars.count)  // scalars, not graphemes
        // The family emoji corrected to include a son: one inserted ZWJ + 👦 is two scalar edits.
        let edited = sv.replacingFirst("👩‍👩‍👧 nej", with: "👩‍👩‍👧‍👦 nej")
        let fuzzy = resolve(quote, from: sv, into: edited)
        #expect(fuzzy?.method == .fuzzy && fuzzy?.errors == 2)
        #expect(text(of: fuzzy, in: edited) == "tre barn, 👩‍👩‍👧‍👦 nej förlåt, en mamma")
        // A quote right after the emoji, whose prefix is mostly emoji scalars.
        let after = resolve("nej förlåt, en mamma", from: sv, into: shifted)
        #expect(text(of: after, in: shifted) == "nej förlåt, en mamma")
    }

    @Test func combiningMarksAndSwedishLetters() {
        let quote = "Cafe\u{301}et på hörnet söker folk"
        let shifted = "Kod: ÅÄÖ-7\n" + sv
        let moved = resolve(quote, from: sv, into: shifted)
        #expect(moved?.method == .exact && text(of: moved, in: shifted) == quote)
        // Re-ingest normalised one "å" to decomposed a + ring: substitution + insertion = 2 edits.
        let decomposed = sv.replacingFirst("Cafe\u{301}et på", with: "Cafe\u{301}et pa\u{30A}")
        let fuzzy = resolve(quote, from: sv, into: decomposed)
        #expect(fuzzy?.method == .fuzzy && fuzzy?.errors == 2)
        #expect(text(of: fuzzy, in: decomposed) == "Cafe\u{301}et pa\u{30A} hörnet söker folk")
    }

    /// A letter inserted in a coding's first or last word aligns as well without that word's
    /// first or last letter, and the coding started or ended inside the word ("xå man kan" in
    /// "sxå man kan"; found by a new user). A span chosen on whole words keeps whole words.
    @Test(arguments: [
        ("så man kan inte bara", "sxå man kan inte bara", "sxå man kan inte bara"),
        ("Jag tog upp det en gång", "Jxag tog upp det en gång", "Jxag tog upp det en gång"),
        ("början. Sen vid åtta", "början. Sen vid åttea", "början. Sen vid åttea"),
        ("medan barnen", "medan barneen", "medan barneen"),
    ])
    func aWordEditedAtTheCodingsEdgeKeepsTheWholeWord(quote: String, edited: String, expected: String) {
        let new = sv.replacingFirst(quote, with: edited)
        let resolved = resolve(quote, from: sv, into: new)
        #expect(resolved?.method == .fuzzy)
        #expect(text(of: resolved, in: new) == expected)
    }

    /// A span the coder began inside a word stays where the alignment puts it: only whole-word
    /// edges are kept whole.
    @Test func aSpanBegunInsideAWordIsNotWidened() {
        let span = Transcripts.span(of: "så man kan inte bara", in: sv)
        let anchor = TextQuoteAnchor(span: span.lowerBound + 1..<span.upperBound, in: ScalarText(sv))
        #expect(anchor.quote == "å man kan inte bara")
        let new = sv.replacingFirst("så man kan inte bara", with: "så mann kan inte bara")
        let resolved = AnchorResolver.resolve(anchor, in: ScalarText(new))
        #expect(resolved?.method == .fuzzy)
        #expect(text(of: resolved, in: new) == "å mann kan inte bara")
    }

    @Test func shortFuzzyQuoteNeedsContextOnBothSides() {
        let quote = "Jag blir trött."
        // Typo fix in the quote with context intact → fuzzy.
        let fixed = sv.replacingFirst(quote, with: "Jag blir trött!")
        #expect(text(of: resolve(quote, from: sv, into: fixed), in: fixed) == "Jag blir trött!")
        // Same fix, but the preceding question was rewritten too: not enough evidence.
        let rewritten = fixed.replacingFirst("Hur påverkar det dig?\n\n[00:03:08] R:", with: "Och du själv då, hur mår du av det?\n\n[00:03:10] Respondent:")
        #expect(resolve(quote, from: sv, into: rewritten) == nil)
    }

    @Test func nearDuplicateDoesNotCaptureDeletedLongQuote() {
        let quote = "Jag tycker ju om barnen och föräldrarna, det är därför jag är kvar."
        var new = sv.replacingFirst(quote + " ", with: "")
        new += "\n\n[00:04:30] R: Jag tycker ju om barnen och deras föräldrar, det är därför jag är kvar."
        #expect(resolve(quote, from: sv, into: new) == nil)
    }

    @Test func formulaicShortQuoteFarAwayIsNotTrustedOnOneSide() {
        let opening = "\n\n[00:10:00] R: Ja, precis, det var så.\n\n[00:10:05] I: Okej."
        let repeated = "\n\n[00:55:00] R: Ja, precis, det var så.\n\n[00:55:05] I: Okej."
        let old = "Intervju 3" + opening + "\n\n" + sv + "\n\n" + Transcripts.english + repeated
        // The first turn is removed; the repeat ~4,000 scalars later matches the suffix closely.
        let new = old.replacingFirst(opening, with: "")
        #expect(resolve("Ja, precis", from: old, into: new) == nil)
        // Unchanged, each keeps its own place.
        #expect(resolve("Ja, precis", occurrence: 1, from: old, into: old)?.method == .position)
    }

    @Test func previousTextDistinguishesAMoveFromADeletionWithACopy() {
        let sentence = "Jag tog upp det en gång och chefen sa att vi skulle lägga det på agendan, men det hände aldrig."
        // The respondent said the same sentence twice; the first one (the coded one) is deleted.
        let old = sv + "\n\n[00:04:40] R: Som sagt. " + sentence + " Mer har jag inte att säga."
        let new = old.replacingFirst(sentence + " ", with: "")
        let anchor = Transcripts.anchor(sentence, occurrence: 0, in: old)
        #expect(AnchorResolver.resolve(anchor, in: ScalarText(new), previous: ScalarText(old)) == nil)
        // Without the previous text the unique copy is taken: the documented standalone trade-off.
        #expect(AnchorResolver.resolve(anchor, in: ScalarText(new))?.method == .exact)
        // A genuine move (unique before and after) is accepted with the previous text too.
        let moved = sv.replacingFirst(sentence + " ", with: "") + "\n\n[00:04:40] R: " + sentence
        let unique = Transcripts.anchor(sentence, in: sv)
        let resolved = AnchorResolver.resolve(unique, in: ScalarText(moved), previous: ScalarText(sv))
        #expect(resolved?.span == Transcripts.span(of: sentence, in: moved))
    }

    @Test func quoteAtDocumentStartFollowsAnInsertedHeader() {
        let quote = "Interview 12 – Nurse, night shift"
        let new = "CONFIDENTIAL\n" + Transcripts.english
        let resolved = resolve(quote, from: Transcripts.english, into: new)
        #expect(text(of: resolved, in: new) == quote)
        #expect(resolved?.method == .exact)
    }

    /// A quote's first or last letter deleted (an edit at its edge): "larmet går" against
    /// "larmet gå på" aligns as well with the space after "gå" as without it, and the span kept the
    /// space (found by a new user: a re-attached coding ending on a blank). A span starts and ends
    /// where its quote does: on a blank only if the quote did.
    @Test func aFuzzySpanNeverGainsABlankAtItsEdges() {
        let old = ScalarText(sv)
        var rng = SeededGenerator(seed: 29)
        var fuzzy = 0
        for trial in 0..<300 {
            let length = Int.random(in: 12...60, using: &rng)
            let start = Int.random(in: 1...(old.count - length - 1), using: &rng)
            let span = start..<start + length
            let quote = Array(old[span].unicodeScalars)
            // Delete the quote's last letter where a blank follows it (even trials), or its first where one precedes it.
            let atEnd = trial.isMultiple(of: 2)
            guard let first = quote.first, let last = quote.last, !first.properties.isWhitespace, !last.properties.isWhitespace,
                  old.scalars[atEnd ? span.upperBound : start - 1].properties.isWhitespace else { continue }
            var scalars = old.scalars
            scalars.remove(at: atEnd ? span.upperBound - 1 : start)
            let new = ScalarText(String(String.UnicodeScalarView(scalars)))
            guard let resolved = AnchorResolver.resolve(TextQuoteAnchor(span: span, in: old), in: new), resolved.method == .fuzzy else { continue }
            fuzzy += 1
            let placed = Array(new[resolved.span].unicodeScalars)
            #expect(placed.first?.properties.isWhitespace == false && placed.last?.properties.isWhitespace == false,
                    "'\(String(String.UnicodeScalarView(quote)))' placed as '\(new[resolved.span])'")
        }
        #expect(fuzzy > 20, "the edits must be re-anchored fuzzily often enough to tell")
    }

    @Test func degenerateAnchorsAreOrphaned() {
        let empty = TextQuoteAnchor(quote: "", prefix: "", suffix: "", start: 0, end: 0)
        #expect(AnchorResolver.resolve(empty, in: ScalarText(sv)) == nil)
        let anchor = Transcripts.anchor("Det vill jag att ni skriver.", in: sv)
        #expect(AnchorResolver.resolve(anchor, in: ScalarText("")) == nil)
    }
}
