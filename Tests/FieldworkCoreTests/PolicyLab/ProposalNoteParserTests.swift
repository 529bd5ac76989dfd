@testable import FieldworkCore
import Testing

/// The policy-lab convention, line by line: which headings are proposals, what each field line
/// does, and the problems bad input gives (file and line named).
struct ProposalNoteParserTests {
    static let path = "corpus/policy-lab/pl-009.md"

    /// A policy-lab document as segments: one segment per line given, each on its own source line.
    struct Fixture {
        var segments: [Segment] = []
        var texts: [String] = []
        var length = 0

        mutating func add(_ text: String, under path: [String], line: Int) {
            let start = length + (segments.isEmpty ? 0 : 2)
            length = start + text.unicodeScalars.count
            segments.append(Segment(index: segments.count, kind: .item, speaker: nil, headingPath: path, start: start, end: length,
                                    lineStart: line, lineEnd: line + text.filter { $0 == "\n" }.count))
            texts.append(text)
        }

        func parse(date: String? = "2026-02-12") -> (notes: [ProposalNote], problems: [RegisterProblem]) {
            ProposalNoteParser.parse(document: DocumentMetadata(id: "pl-009", type: .policyLab, title: "Lab", date: date),
                                     path: ProposalNoteParserTests.path, segments: segments, texts: texts)
        }
    }

    static func note(_ lines: [String]) -> (note: ProposalNote?, problems: [RegisterProblem]) {
        var fixture = Fixture()
        for (offset, line) in lines.enumerated() { fixture.add(line, under: ["Lab", "Förslag P1: Samtycke"], line: 10 + offset) }
        let parsed = fixture.parse()
        return (parsed.notes.first, parsed.problems)
    }

    @Test(arguments: [
        ("Förslag P1: Samtyckesmodell", "P1", "Samtyckesmodell"),
        ("Proposal P-12 – Funding after the pilot", "P-12", "Funding after the pilot"),
        ("proposal p3", "p3", ""),
        ("Förslag PL7. Kontaktperson", "PL7", "Kontaktperson"),
        ("  Proposal 4: Reminder service", "4", "Reminder service"),
    ])
    func headingsNamingAProposal(heading: String, id: String, title: String) throws {
        let parsed = try #require(ProposalNoteParser.proposalHeading(heading))
        #expect(parsed.id == id)
        #expect(parsed.title == title)
    }

    @Test(arguments: ["Förslag", "Förslag från grupp A", "Proposals", "Förslag till registret", "Block 1: Förståeligt samtycke", "Nästa steg"])
    func headingsThatAreNoProposal(heading: String) {
        #expect(ProposalNoteParser.proposalHeading(heading) == nil)
    }

    @Test func fieldsInBothLanguages() throws {
        let sv = try #require(Self.note(["Status: beslutad", "Beslut: Staden inför modellen.", "Ansvarig: Stadsledningskontoret",
                                         "Datum: 2026-02-01", "Klart senast: 2026-03-01",
                                         "Svarar på: need.a, barrier.b och precondition.c", "Lösningar: door-sensor; fall-detection",
                                         "Utgångspunkt: tre nivåer"]).note)
        #expect(sv.status == .decided)
        #expect(sv.decision == "Staden inför modellen.")
        #expect(sv.owner == "Stadsledningskontoret")
        #expect(sv.date == "2026-02-01" && sv.effectiveDate == "2026-02-01")
        #expect(sv.due == "2026-03-01")
        #expect(sv.answers == [.init(id: "need.a", line: 15), .init(id: "barrier.b", line: 15), .init(id: "precondition.c", line: 15)])
        #expect(sv.solutions.map(\.id) == ["door-sensor", "fall-detection"])
        #expect(sv.text == ["Utgångspunkt: tre nivåer"])   // a label that is no field is text
        let en = try #require(Self.note(["Status: In Progress", "Decision: Approved.", "Owner: Care services", "Date: 2026-02-01",
                                         "Due: 2026-03-01", "Answers: `need.a`", "Solutions: door-sensor."]).note)
        #expect(en.status == .inProgress)
        #expect(en.decision == "Approved." && en.owner == "Care services" && en.due == "2026-03-01")
        #expect(en.answers.map(\.id) == ["need.a"])
        #expect(en.solutions.map(\.id) == ["door-sensor"])
    }

    @Test(arguments: [
        (["Status: föreslagen"], ProposalStatus.proposed), (["Status: pågår"], .inProgress), (["Status: klar"], .done),
        (["Status: avslagen"], .rejected), (["Status: DONE"], .done), (["Status: rejected"], .rejected),
    ])
    func statusWords(lines: [String], status: ProposalStatus) {
        #expect(Self.note(lines).note?.status == status)
    }

    /// Bad input: each a problem naming file and line; the field is left out, the rest kept.
    @Test(arguments: [
        (["Ansvarig: X", "Status: finished"], 11, "unknown status \"finished\" in proposal P1"),
        (["Datum: 2026-02-30"], 10, "malformed date \"2026-02-30\" after Datum:"),
        (["Ansvarig: X", "Date: 12/02/2026"], 11, "malformed date \"12/02/2026\" after Date:"),
        (["Klart senast: snart"], 10, "malformed date \"snart\" after Klart senast:"),
        (["Status:"], 10, "Status: is empty in proposal P1"),
        (["Status: beslutad", "Status: avslagen"], 11, "proposal P1 has a second status \"avslagen\""),
    ])
    func badInputNamesFileAndLine(lines: [String], line: Int, message: String) throws {
        let parsed = Self.note(lines)
        let problem = try #require(parsed.problems.first)
        #expect(parsed.problems.count == 1)
        #expect(problem.location == SourceLocation(file: Self.path, line: line))
        #expect(problem.message.hasPrefix(message), "\(problem)")
        #expect(parsed.note != nil)
    }

    @Test func theLinesOfOneParagraphAreReadOneByOne() throws {
        var fixture = Fixture()
        fixture.add("Status: decided\nOwner: City office\nSome words.", under: ["Proposal P2: Pilot"], line: 20)
        fixture.add("Status: what", under: ["Proposal P2: Pilot"], line: 24)
        let parsed = fixture.parse()
        let note = try #require(parsed.notes.first)
        #expect(note.status == .decided && note.owner == "City office" && note.text == ["Some words."])
        #expect(parsed.problems.map(\.location.line) == [24])
    }

    @Test func proposalsAreKeptApartAndOnlyUnderTheirHeading() {
        var fixture = Fixture()
        fixture.add("Inledning", under: ["Lab"], line: 3)
        fixture.add("Status: beslutad", under: ["Lab", "Förslag", "Förslag P1: A"], line: 7)
        fixture.add("Text om P1", under: ["Lab", "Förslag", "Förslag P1: A", "Detaljer"], line: 9)
        fixture.add("Status: klar", under: ["Lab", "Förslag", "Förslag P2: B"], line: 12)
        fixture.add("Status: unknown here, but no proposal", under: ["Lab", "Nästa steg"], line: 15)
        let parsed = fixture.parse(date: "2025-10-07")
        #expect(parsed.notes.map(\.proposalID) == ["P1", "P2"])
        #expect(parsed.notes.map(\.line) == [7, 12])
        #expect(parsed.notes[0].text == ["Text om P1"])
        #expect(parsed.notes[0].spans == [fixture.segments[1].span, fixture.segments[2].span])
        #expect(parsed.notes[1].effectiveDate == "2025-10-07")
        #expect(parsed.problems.isEmpty)
    }
}
