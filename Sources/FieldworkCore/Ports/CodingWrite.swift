/// One coding write of a group commit (`FieldworkStore.writeCodings`): the same checks and rows
/// as the single-write methods, so a write answers the same whether it went alone or in a batch.
public enum CodingWrite: Sendable {
    /// A new coding built from the document's text around `span` (see `insertCoding(documentID:around:codeID:build:)`).
    case insert(documentID: String, span: Range<Int>, codeID: String, build: @Sendable (NewCodingContext) throws -> Coding)
    /// `coding` if the stored version is still `coding.version - 1`.
    case update(Coding)
    /// Removes a live coding (kept with who removed it and when).
    case remove(id: String, by: String, expectedVersion: Int?)
    /// Brings a removed coding back, the same id with its history going on (a removal undone);
    /// `CodingRestore.check` says when it is refused.
    case restore(id: String, by: String, expectedVersion: Int?)
}

/// The store's group commit, on its own for those who need only it (`CodingWriteQueue`).
public protocol CodingWriteStore: Sendable {
    /// See `FieldworkStore.writeCodings`.
    func writeCodings(_ writes: [CodingWrite]) async throws -> [CodingWriteResult]
    /// The write in a transaction of its own on the calling thread, when the store can take it
    /// without waiting; nil when it cannot (nothing was written: write it with `writeCodings`).
    /// Throws what the write alone would throw.
    func writeAtOnce(_ write: CodingWrite) throws -> WrittenCoding?
    /// `writeCodings` in one transaction on the calling thread, when the store can take it
    /// without waiting; nil when it cannot (nothing was written).
    func writeAtOnce(_ writes: [CodingWrite]) throws -> [CodingWriteResult]?
}

extension CodingWriteStore {
    /// A store that cannot write without waiting (a server across the network) never does.
    public func writeAtOnce(_ write: CodingWrite) throws -> WrittenCoding? { nil }
    public func writeAtOnce(_ writes: [CodingWrite]) throws -> [CodingWriteResult]? { nil }
}

/// What one write of a batch came to: the coding as written (a removed coding as it was, with
/// its new version) with what the write read of its document (`WrittenCoding.basis`), or the
/// error the write alone would have thrown.
public typealias CodingWriteResult = Result<WrittenCoding, any Error>

extension FieldworkStore {
    public func insertCoding(documentID: String, around span: Range<Int>, codeID: String,
                             build: @escaping @Sendable (NewCodingContext) throws -> Coding) async throws -> Coding {
        try await writeAlone(.insert(documentID: documentID, span: span, codeID: codeID, build: build)).coding
    }

    public func updateCoding(_ coding: Coding) async throws {
        _ = try await writeAlone(.update(coding))
    }

    public func removeCoding(id: String, by coder: String, expectedVersion: Int?) async throws {
        _ = try await writeAlone(.remove(id: id, by: coder, expectedVersion: expectedVersion))
    }

    /// One write in a transaction of its own.
    public func writeAlone(_ write: CodingWrite) async throws -> WrittenCoding {
        guard let result = try await writeCodings([write]).first else { throw StoreError.conflict("the store answered no write") }
        return try result.get()
    }
}
