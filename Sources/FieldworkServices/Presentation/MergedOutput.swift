/// One JSON object holding a shared shape's fields and a face's own fields beside them: both
/// encode into the same keyed container, so `{...base, ...extra}` without repeating the base.
/// Fields of either part read as the whole's (`row.title`, `row.segments`).
@dynamicMemberLookup
public struct MergedOutput<Base: Encodable & Sendable, Extra: Encodable & Sendable>: Encodable, Sendable {
    public let base: Base
    public let extra: Extra

    public init(_ base: Base, _ extra: Extra) {
        self.base = base
        self.extra = extra
    }

    public subscript<Value>(dynamicMember field: KeyPath<Base, Value>) -> Value { base[keyPath: field] }
    public subscript<Value>(dynamicMember field: KeyPath<Extra, Value>) -> Value { extra[keyPath: field] }

    public func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        try extra.encode(to: encoder)
    }
}
