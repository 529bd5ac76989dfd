/// Encodes an optional as `null` instead of leaving the key out, so every `--json` object has
/// the same keys (scripts can rely on the documented field names being present).
@propertyWrapper
struct AlwaysEncoded<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
