@testable import FieldworkCore
import FieldworkTestSupport
import Foundation
import Testing

/// The needs register puts each need's passages in reading order by sorting their indices by a
/// place worked out once: the same order as sorting the passages themselves, ties included.
struct ReadingPlacesTests {
    static func passage(_ index: Int, document: String, date: String?, start: Int) -> CodedPassage {
        let coding = Coding(id: "c-\(index)", documentID: document, codeID: "need", coder: "a", memo: nil,
                            anchor: TextQuoteAnchor(quote: "w", prefix: "", suffix: "", start: start, end: start + 1),
                            createdAt: Date(timeIntervalSince1970: 0))
        return CodedPassage(coding: coding, document: DocumentMetadata(id: document, type: .interview, title: document, date: date),
                            segmentIndex: 0, attribution: Attribution(participants: [], basis: .speaker))
    }

    @Test(arguments: [1, 2, 3, 4, 5]) func sortingByPlaceIsSortingThePassages(_ seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // Few documents, dates and starts, so that ties are common.
        let passages = (0..<300).map { index in
            Self.passage(index, document: ["int-1", "int-2", "ws-1"][Int(random.next() % 3)],
                         date: [nil, "2025-03-01", "2025-03-02"][Int(random.next() % 3)], start: Int(random.next() % 20))
        }
        let places = NeedsRegister.readingPlaces(passages)
        // A need's passages: a subset, in the order the register gathers them.
        let gathered = passages.indices.filter { _ in random.next() % 3 != 0 }.shuffled(using: &random)
        let byPlace = gathered.sorted { places[$0] < places[$1] }.map { passages[$0].coding.id }
        let byPassage = gathered.map { passages[$0] }
            .sorted { ($0.document.date ?? "", $0.document.id, $0.coding.start) < ($1.document.date ?? "", $1.document.id, $1.coding.start) }
            .map(\.coding.id)
        #expect(byPlace == byPassage)
    }
}
