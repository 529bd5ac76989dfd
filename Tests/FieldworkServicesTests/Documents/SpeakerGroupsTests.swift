@testable import FieldworkServices
import Testing

struct SpeakerGroupsTests {
    @Test func eachSegmentKeepsItsSetAndEachSetIsKeptOnce() {
        let people = [["I01"], ["R01"], ["I01"], ["R01", "R02"], [], ["R01"], ["R02", "R01"], []]
        let groups = SpeakerGroups(people)
        #expect(groups.distinct == [["I01"], ["R01"], ["R01", "R02"], [], ["R02", "R01"]])
        #expect(groups.group == [0, 1, 0, 2, 3, 1, 4, 3])
        #expect(people.indices.map(groups.people(of:)) == people)
    }

    @Test func noSegmentsNoSets() {
        let groups = SpeakerGroups([])
        #expect(groups.distinct.isEmpty && groups.group.isEmpty)
    }
}
