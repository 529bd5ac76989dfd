/// A coding write's answer: the coding as written, and what the write saw of its document in its
/// own transaction (`basis`).
///
/// The answer to a write shows the coding as the consent rule lets it be shown today, like
/// every listing. With the basis, the service applies the rule from what it keeps of the
/// document and register (the same text at the same stamp, the same register entries at the
/// same revision) instead of a read transaction of its own per write (a fifth of a write's
/// server CPU, session 29).
@dynamicMemberLookup
public struct WrittenCoding: Sendable {
    public var coding: Coding
    /// nil when the write did not read its document (its answer then reads it).
    public var basis: ConsentBasis?

    public init(_ coding: Coding, basis: ConsentBasis? = nil) {
        self.coding = coding
        self.basis = basis
    }

    /// A written coding reads as the coding (`written.id`, `written.anchor`).
    public subscript<Value>(dynamicMember keyPath: KeyPath<Coding, Value>) -> Value {
        coding[keyPath: keyPath]
    }
}

/// The document's stamp and the participant register's revision, read together: everything the
/// consent rule decides a document's words by, besides the day.
public struct ConsentBasis: Sendable, Hashable {
    public var stamp: DocumentStamp
    public var registerRevision: Int

    public init(stamp: DocumentStamp, registerRevision: Int) {
        self.stamp = stamp
        self.registerRevision = registerRevision
    }
}
