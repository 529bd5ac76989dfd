@testable import FieldworkCore

/// Realistic interview transcripts (speaker turns, timestamps, fillers, å/ä/ö, emoji with ZWJ,
/// combining marks). Short words such as "ja", "och", "inte", "det" recur many times, which is
/// exactly what makes re-anchoring hard.
enum Transcripts {
    static let swedish = """
        Intervju 7 – Förskolepersonal, Malmö
        [00:00:04] I: Okej, då kör vi. Kan du börja med att berätta lite om hur en vanlig dag ser ut för dig?

        [00:00:12] R: Ja, alltså, jag kommer in vid sju ungefär och då är det oftast bara jag och en kollega. Vi tar emot barnen, och det är ganska lugnt i början. Sen vid åtta blir det mer, då kommer de flesta.

        [00:00:41] I: Mm. Och hur känns det, de där första timmarna?

        [00:00:45] R: Det var svårt i början, ärligt talat. Jag visste inte riktigt vad som förväntades av mig, och ingen sa det heller. Man fick liksom lära sig själv.

        [00:01:10] I: Kan du ge ett exempel på när det kändes svårt?

        [00:01:14] R: Ja. En morgon kom en pappa med tre barn, 👩‍👩‍👧 nej förlåt, en mamma, och hon var helt slut. Hon började gråta i hallen och jag visste inte vad jag skulle säga. Det var svårt. Jag satte mig bredvid henne och vi pratade en stund medan barnen lekte.

        [00:01:52] I: Vad tänkte du då?

        [00:01:55] R: Att det här är också en del av jobbet, fast ingen pratar om det. Föräldrarnas mående påverkar ju barnen, så man kan inte bara stänga av det. Men det tar energi, och ibland har jag inte den energin kvar på eftermiddagen.

        [00:02:31] I: Får ni något stöd för sådant?

        [00:02:34] R: Inte direkt. Vi har handledning en gång i månaden, men den handlar mest om pedagogiken. Jag tog upp det en gång och chefen sa att vi skulle lägga det på agendan, men det hände aldrig. Så nej, inte egentligen.

        [00:03:05] I: Hur påverkar det dig?

        [00:03:08] R: Jag blir trött. Och lite ledsen, kanske. Jag tycker ju om barnen och föräldrarna, det är därför jag är kvar. Men jag funderar på att byta yrke ibland, det gör jag. Cafe\u{301}et på hörnet söker folk, skämtade jag med min sambo häromdagen.

        [00:03:40] I: Haha. Men om du fick ändra en sak på arbetsplatsen, vad skulle det vara?

        [00:03:46] R: Mer tid. Tid att prata med varandra i arbetslaget, och tid för föräldrarna utan att det går ut över barnen. Det är egentligen det enda jag önskar mig, och det kostar inte ens särskilt mycket.

        [00:04:15] I: Tack. Är det något mer du vill lägga till innan vi avslutar?

        [00:04:19] R: Nej, jag, jag tror inte det. Eller jo, en sak: det är ett fint jobb. Det vill jag att ni skriver.
        """

    static let english = """
        Interview 12 – Nurse, night shift
        [00:00:03] I: Thanks for making time. Could you describe what a typical night looks like?

        [00:00:09] R: Sure. I start at nine, we do the handover, and then it's rounds every two hours. Most nights are quiet until about three, and then something always happens. Always.

        [00:00:31] I: What kind of things?

        [00:00:33] R: A fall, a patient who's confused and wants to go home, a family calling because they can't sleep either. You learn to expect it, but you never really get used to it.

        [00:01:02] I: How do you handle the confused patients?

        [00:01:06] R: Slowly. You sit down, you lower your voice, you don't argue with them. I had one man who thought it was 1974 and that he was late for work at the shipyard. I just asked him about the shipyard, and after twenty minutes he fell asleep holding my hand.

        [00:01:45] I: That sounds like it takes a lot of patience.

        [00:01:48] R: It does, yeah. And honestly some nights I don't have it. Some nights I'm short with people and I go home and feel bad about it for hours.
        """

    /// The scalar range of the `occurrence`-th (0-based) occurrence of `quote` in `text`.
    static func span(of quote: String, occurrence: Int = 0, in text: String) -> Range<Int> {
        let hits = ScalarText(text).occurrences(of: Array(quote.unicodeScalars))
        precondition(hits.count > occurrence, "fixture lacks occurrence \(occurrence) of \(quote)")
        return hits[occurrence]..<hits[occurrence] + quote.unicodeScalars.count
    }

    /// The anchor a coding of that occurrence would have stored.
    static func anchor(_ quote: String, occurrence: Int = 0, in text: String) -> TextQuoteAnchor {
        TextQuoteAnchor(span: span(of: quote, occurrence: occurrence, in: text), in: ScalarText(text))
    }
}

extension String {
    /// Replaces the first occurrence of `target` (must exist), returning the new string.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let scalars = Array(unicodeScalars)
        let needle = Array(target.unicodeScalars)
        guard let start = ScalarText(scalars: scalars).occurrences(of: needle).first else {
            preconditionFailure("missing \(target)")
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[..<start])
        view.append(contentsOf: replacement.unicodeScalars)
        view.append(contentsOf: scalars[(start + needle.count)...])
        return String(view)
    }

    /// Removes the scalars in `range`.
    func removingScalars(_ range: Range<Int>) -> String {
        var scalars = Array(unicodeScalars)
        scalars.removeSubrange(range)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
