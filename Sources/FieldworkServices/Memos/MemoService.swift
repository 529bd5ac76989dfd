import FieldworkCore
import Foundation

/// Analytic memos on the project, a document or a code.
public struct MemoService: Sendable {
    let store: any FieldworkStore
    /// Where each change is also written for the team (nil: the store only, as in some tests).
    let ledger: CodingLedger?

    public init(store: any FieldworkStore, ledger: CodingLedger? = nil) {
        self.store = store
        self.ledger = ledger
    }

    /// The memos the person acting may see (`VisibleMemos`), with a count of those withheld.
    public func visible(target: Memo.Target? = nil, targetID: String? = nil) async throws -> VisibleMemos {
        try await VisibleMemos.of(try await store.memos(target: target, targetID: targetID), in: store)
    }

    public func list(target: Memo.Target? = nil, targetID: String? = nil) async throws -> [Memo] {
        try await visible(target: target, targetID: targetID).memos
    }

    public func add(target: Memo.Target, targetID: String, author: String, text: String) async throws -> Memo {
        let body = try validText(text)
        switch target {
        case .project:
            guard targetID.isEmpty else { throw MemoError.invalidTarget("a project memo has no target id") }
        case .document:
            guard try await store.document(id: targetID) != nil else { throw StoreError.notFound("document '\(targetID)'") }
        case .code:
            guard try await store.codebook().contains(targetID) else { throw CodingError.unknownCode(targetID) }
        }
        let memo = Memo(id: Memo.newID(), target: target, targetID: targetID, author: try validAuthor(author),
                        text: body, createdAt: Coding.timestamp())
        try await store.insertMemo(memo)
        await ledger?.publish(memo.id, from: store)
        return memo
    }

    public func update(id: String, text: String, expectedVersion: Int) async throws -> Memo {
        var memo = try await visibleMemo(id: id)
        guard memo.version == expectedVersion else {
            throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: memo.version)
        }
        memo.text = try validText(text)
        memo.version += 1
        memo.updatedAt = Coding.timestamp()
        try await store.updateMemo(memo)
        await ledger?.publish(memo.id, from: store)
        return memo
    }

    public func remove(id: String, by author: String, expectedVersion: Int?) async throws {
        _ = try await visibleMemo(id: id)
        try await store.removeMemo(id: id, by: try validAuthor(author), expectedVersion: expectedVersion)
        await ledger?.publish(id, from: store)
    }

    /// The memo `id` if the person acting may see it. One withheld by access (`VisibleMemos`) is
    /// answered exactly as one that does not exist, before its version is compared, so that
    /// neither its id nor its version tells a coder anything about a document kept from them.
    private func visibleMemo(id: String) async throws -> Memo {
        guard let memo = try await store.memo(id: id),
              try await VisibleMemos.of([memo], in: store).memos.count == 1 else { throw StoreError.notFound("memo '\(id)'") }
        return memo
    }

    private func validText(_ text: String) throws -> String {
        let body = text.trimmingSpaces
        guard !body.isEmpty else { throw MemoError.emptyText }
        guard body.utf8.count <= 100_000 else { throw MemoError.tooLong }
        return body
    }

    private func validAuthor(_ author: String) throws -> String {
        let name = author.trimmingSpaces
        guard !name.isEmpty, name.count <= 80 else { throw CodingError.invalidCoder }
        // A memo signed "Consensus" would read as the team's decision, one signed "ingest" as no one's.
        if let reserved = ReservedCoder.matching(name) { throw MemoError.reservedAuthor(name, reserved: reserved) }
        return name
    }
}

public enum MemoError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyText
    case tooLong
    case invalidTarget(String)
    case reservedAuthor(String, reserved: String)

    public var description: String {
        switch self {
        case .emptyText: "a memo needs some text"
        case .tooLong: "a memo may hold at most 100,000 bytes"
        case .invalidTarget(let detail): detail
        case .reservedAuthor(let name, let reserved):
            "\(ReservedCoder.reason(reserved)); a memo cannot be written as \(name): write it under your own name"
        }
    }
}
