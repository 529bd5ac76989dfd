/// Encodes an optional as `null` instead of leaving the key out, so every `--json` object has
/// the same keys (scripts can rely on the documented field names being present).
@propertyWrapper
public struct AlwaysEncoded<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension AlwaysEncoded: Sendable where Value: Sendable {}
