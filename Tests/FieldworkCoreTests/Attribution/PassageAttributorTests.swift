@testable import FieldworkCore
import Testing

/// The attribution rule, case by case: who a coding in each kind of segment counts for.
struct PassageAttributorTests {
    /// A small document: interview-like turns and workshop-like notes, each segment one line.
    struct Fixture {
        var segments: [Segment] = []
        var text = ""

        mutating func add(_ line: String, kind: SegmentKind = .paragraph, speaker: String? = nil, path: [String] = []) {
            if !text.isEmpty { text += "\n\n" }
            let start = text.unicodeScalars.count
            text += line
            segments.append(Segment(index: segments.count, kind: kind, speaker: speaker, headingPath: path,
                                    start: start, end: text.unicodeScalars.count, lineStart: 1, lineEnd: 1))
        }

        func attribute(_ index: Int, known: Set<String> = ["R01", "R08", "R11", "S01", "R02", "S02"]) -> Attribution {
            let scalar = ScalarText(text)
            let attributor = PassageAttributor(segments: segments, text: scalar, known: known)
            return attributor.attribute(segments[index], text: scalar[segments[index].span])
        }
    }

    static func workshop() -> Fixture {
        var doc = Fixture()
        let station1 = ["Workshop", "Station 1"], station2 = ["Workshop", "Station 2"]
        doc.add("Plats: Norrby träffpunkt.", path: ["Workshop"])                                      // 0 plenary
        doc.add("Deltagare: R01, R08, R11, S01.", path: station1 + ["Grupp A"])                      // 1 roster
        doc.add("Rädd att ramla på väg till toaletten", kind: .item, path: station1 + ["Grupp A"])   // 2 group
        doc.add("Min mamma vill inte störa (R11)", kind: .item, path: station1 + ["Grupp A"])        // 3 named
        doc.add("Participants: R02 and S02", path: station1 + ["Grupp B"])                           // 4 roster
        doc.add("En grön knapp", kind: .item, path: station1 + ["Grupp B"])                          // 5 group B
        doc.add("Lapp på kylskåpet", kind: .item, path: station2 + ["Grupp A"])                      // 6 rotating A
        doc.add("Frågan på väggen: vad hjälper?", path: station2)                                    // 7 station note
        doc.add("Sju personer på ett år (R99)", kind: .item, path: station2 + ["Grupp B"])           // 8 unknown name
        doc.add("Deltagarna satte prickar: 2 vid 1–3", path: station2)                               // 9 not a roster
        return doc
    }

    @Test(arguments: [
        (2, ["R01", "R08", "R11", "S01"], Attribution.Basis.group),
        (3, ["R11"], .named),
        (5, ["R02", "S02"], .group),
        (6, ["R01", "R08", "R11", "S01"], .group),   // the same group at the next station
        (8, ["R02", "S02"], .group),                 // "(R99)" names no participant: just text
        (0, [], .groupNote),
        (7, [], .groupNote),
        (9, [], .groupNote),
    ])
    func notesCountForTheirGroupOrAuthorsNeverTheWholeDocument(index: Int, people: [String], basis: Attribution.Basis) {
        let attribution = Self.workshop().attribute(index)
        #expect(attribution.participants == people)
        #expect(attribution.basis == basis)
    }

    @Test func aGroupNoteNamesItsGroup() {
        #expect(Self.workshop().attribute(2).group == "Workshop › Station 1 › Grupp A")
        #expect(Self.workshop().attribute(6).group == "Workshop › Station 2 › Grupp A")
    }

    @Test func turnsCountForTheirSpeakerWhateverTheRole() {
        var doc = Fixture()
        doc.add("Hur känns nätterna?", kind: .turn, speaker: "Intervjuare")
        doc.add("Jag ligger vaken.", kind: .turn, speaker: "R01")
        doc.add("Hon ringer inte.", kind: .turn, speaker: "R11")   // a relative
        doc.add("Vi har 40 minuter.", kind: .turn, speaker: "S01")  // staff
        doc.add("Intervjun gjordes hemma.")                          // preamble, no speaker
        #expect(doc.attribute(0) == Attribution(participants: [], basis: .nonParticipant))
        #expect(doc.attribute(1) == Attribution(participants: ["R01"], basis: .speaker))
        #expect(doc.attribute(2) == Attribution(participants: ["R11"], basis: .speaker))
        #expect(doc.attribute(3) == Attribution(participants: ["S01"], basis: .speaker))
        #expect(doc.attribute(4).participants.isEmpty && doc.attribute(4).basis == .groupNote)
    }

    @Test func aTitleDeclaredWithTwoMembershipsIsNotGuessed() {
        var doc = Fixture()
        doc.add("Deltagare: R01.", path: ["S1", "Grupp A"])
        doc.add("Deltagare: R08.", path: ["S2", "Grupp A"])
        doc.add("Idé", kind: .item, path: ["S3", "Grupp A"])
        doc.add("Idé två", kind: .item, path: ["S2", "Grupp A"])
        #expect(doc.attribute(2).basis == .groupNote)
        #expect(doc.attribute(3).participants == ["R08"])
    }

    @Test func peopleAreCountedApartByRole() {
        let people = PeopleByRole([
            Participant(id: "R01", role: .resident), Participant(id: "R11", role: .relative),
            Participant(id: "S01", role: .staff), Participant(id: "R01", role: .resident),
        ])
        #expect(people.residents == ["R01"] && people.relatives == ["R11"] && people.staff == ["S01"])
        #expect(people.summary == "1 resident (R01) · 1 relative (R11) · 1 staff (S01)")
    }
}
