/// One distinct attribute value of the register as stored (`key` and `value` byte for byte)
/// and the first participant, by id, who has it: what the attribute picker needs, read by the
/// store without loading the register (`FieldworkStore.participantAttributeValues()`).
public struct AttributeOccurrence: Sendable, Hashable {
    public var key: String
    public var value: String
    public var firstParticipant: String

    public init(key: String, value: String, firstParticipant: String) {
        self.key = key
        self.value = value
        self.firstParticipant = firstParticipant
    }
}
