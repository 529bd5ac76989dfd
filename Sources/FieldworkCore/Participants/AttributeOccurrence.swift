/// One distinct attribute value of the register as stored (`key` and `value` byte for byte)
/// and everyone who has it, by id: what the attribute picker needs, read by the store without
/// loading the register (`FieldworkStore.participantAttributeValues()`). All the holders, not
/// only the first: a value whose holders have all withdrawn their consent is offered to nobody
/// (`AttributeChoicesService`).
public struct AttributeOccurrence: Sendable, Hashable {
    public var key: String
    public var value: String
    /// Participant ids, sorted (the store names at least one; `firstParticipant` is "" for none).
    public var holders: [String]

    public init(key: String, value: String, holders: [String]) {
        self.key = key
        self.value = value
        self.holders = holders.sorted()
    }

    /// Whose spelling of the value is shown when several differ only in case or dashes.
    public var firstParticipant: String { holders.first ?? "" }
}
