/// Persistence for imports from other analysis tools (REFI-QDA projects): everything one import
/// brings is written as one unit, so an import is never left half done.
public protocol ExchangeStore: Sendable {
    /// Inserts every document, coding and memo of `batch` in one transaction, or nothing.
    ///
    /// Everything is checked against the stored state before the first row is written: each
    /// coding's document exists, its span lies inside the plain text and its quote is the text
    /// there, and its code is in the codebook; each memo's target exists. Any failed check throws
    /// `ExchangeBatchRefused` listing every problem.
    func insertExchangeBatch(_ batch: ExchangeBatch) async throws
}

/// The codings and memos of one import, and the documents it creates from foreign sources.
public struct ExchangeBatch: Sendable, Hashable {
    public var documents: [DocumentChange]
    public var codings: [Coding]
    public var memos: [Memo]

    public init(documents: [DocumentChange] = [], codings: [Coding] = [], memos: [Memo] = []) {
        self.documents = documents
        self.codings = codings
        self.memos = memos
    }

    public var isEmpty: Bool { documents.isEmpty && codings.isEmpty && memos.isEmpty }
}

/// Refusal to write an import batch that does not fit the stored documents or codebook.
public struct ExchangeBatchRefused: Error, Sendable, Hashable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "nothing was imported: " + problems.joined(separator: "; ")
    }
}
