import FieldworkCore
import Foundation

/// The choices of the retrieval page's attribute picker (`key=value`): the register's values
/// held by at least one participant whose details may be shown to the acting person (consent in
/// force today, not restricted to other coders). A value only withdrawn participants have
/// describes them (R01's "hemtjänst 3 ggr/dag"), and their details travel into no page or
/// export (`ConsentRule.caseWithheld`, as in the case matrix).
public struct AttributeChoicesService: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func choices(now: Date = Date()) async throws -> [String] {
        AttributeValue.choices(of: try await heldByShownParticipants(now: now))
    }

    /// Each value with its first holder, by id, whose details may be shown. The store names the
    /// holders, not their consents: holders are read in rounds, each value's next undecided
    /// holder per round, so a picker over a large register reads about one person per value
    /// (the register grows with the corpus; the values do not).
    func heldByShownParticipants(now: Date) async throws -> [AttributeOccurrence] {
        let rule = ConsentRule.today([], now: now)
        var undecided = try await store.participantAttributeValues()
        var shown: [String: Bool] = [:]
        var held: [AttributeOccurrence] = []
        while !undecided.isEmpty {
            let next = Set(undecided.compactMap { occurrence in occurrence.holders.first { shown[$0] == nil } })
            for person in try await store.participants(ids: next) {
                shown[person.id] = rule.caseWithheld(person) == nil
            }
            // Someone the store named but did not return (the register changed meanwhile) holds nothing.
            for id in next where shown[id] == nil { shown[id] = false }
            undecided = undecided.filter { occurrence in
                for id in occurrence.holders {
                    switch shown[id] {
                    case true?:
                        held.append(AttributeOccurrence(key: occurrence.key, value: occurrence.value, holders: [id]))
                        return false
                    case false?: continue
                    case nil: return true
                    }
                }
                return false
            }
        }
        return held
    }
}
