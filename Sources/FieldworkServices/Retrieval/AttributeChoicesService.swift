import FieldworkCore
import Foundation

/// The choices of the retrieval page's attribute picker (`key=value`): the register's values
/// held by at least one participant whose consent is in force today. A value only withdrawn
/// participants have describes them (R01's "hemtjänst 3 ggr/dag"), and their details travel
/// into no page or export (`ConsentStatus.noneInForce`, as in the case matrix).
public struct AttributeChoicesService: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func choices(now: Date = Date()) async throws -> [String] {
        AttributeValue.choices(of: try await heldByConsentingParticipants(now: now))
    }

    /// Each value with its first holder, by id, whose consent is in force. The store names the
    /// holders, not their consents: holders are read in rounds, each value's next undecided
    /// holder per round, so a picker over a large register reads about one person per value
    /// (the register grows with the corpus; the values do not).
    func heldByConsentingParticipants(now: Date) async throws -> [AttributeOccurrence] {
        let today = ConsentRule.today([], now: now).today
        var undecided = try await store.participantAttributeValues()
        var inForce: [String: Bool] = [:]
        var held: [AttributeOccurrence] = []
        while !undecided.isEmpty {
            let next = Set(undecided.compactMap { occurrence in occurrence.holders.first { inForce[$0] == nil } })
            for person in try await store.participants(ids: next) {
                inForce[person.id] = ConsentStatus(person, on: today).noneInForce == nil
            }
            // Someone the store named but did not return (the register changed meanwhile) holds nothing.
            for id in next where inForce[id] == nil { inForce[id] = false }
            undecided = undecided.filter { occurrence in
                for id in occurrence.holders {
                    switch inForce[id] {
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
