import FieldworkCore
import Foundation

/// Creating, changing and removing codings, with the checks both the web and CLI faces need:
/// the document exists, the span lies in its text, the code is in the codebook.
public struct CodingService: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func add(document documentID: String, span: Range<Int>, code codeID: String,
                    coder: String, memo: String? = nil) async throws -> Coding {
        let coder = try validCoder(coder)
        return try await store.insertCoding(documentID: documentID, around: span, codeID: codeID) { context in
            guard context.codeExists else { throw CodingError.unknownCode(codeID) }
            return Coding(id: Coding.newID(), documentID: documentID, codeID: codeID, coder: coder,
                          memo: memo?.trimmingSpaces.nilIfEmpty, anchor: try Self.anchor(span, in: context.window),
                          createdAt: Coding.timestamp())
        }
    }

    public func list(_ filter: CodingFilter) async throws -> [Coding] {
        try await store.codings(filter)
    }

    /// Changes code and/or memo; `expectedVersion` guards against overwriting someone else's edit.
    public func update(id: String, code codeID: String? = nil, memo: String?? = nil, expectedVersion: Int? = nil) async throws -> Coding {
        var coding = try await existing(id, expectedVersion: expectedVersion)
        if let codeID {
            try await requireCode(codeID)
            coding.codeID = codeID
        }
        if let memo { coding.memo = memo?.trimmingSpaces.nilIfEmpty }
        return try await save(&coding)
    }

    /// Attaches a coding (typically an orphan) to a new span of its document.
    public func reattach(id: String, span: Range<Int>, expectedVersion: Int? = nil) async throws -> Coding {
        var coding = try await existing(id, expectedVersion: expectedVersion)
        guard let window = try await store.textWindow(documentID: coding.documentID, around: span) else {
            throw StoreError.notFound("document \(coding.documentID)")
        }
        coding.anchor = try Self.anchor(span, in: window)
        coding.status = .anchored
        coding.anchorMethod = nil
        return try await save(&coding)
    }

    public func remove(id: String, by coder: String, expectedVersion: Int? = nil) async throws {
        try await store.removeCoding(id: id, by: try validCoder(coder), expectedVersion: expectedVersion)
    }

    private func save(_ coding: inout Coding) async throws -> Coding {
        coding.version += 1
        coding.updatedAt = Coding.timestamp()
        try await store.updateCoding(coding)
        return coding
    }

    private func existing(_ id: String, expectedVersion: Int?) async throws -> Coding {
        guard let coding = try await store.coding(id: id) else { throw StoreError.notFound("coding \(id)") }
        if let expectedVersion, expectedVersion != coding.version {
            throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: coding.version)
        }
        return coding
    }

    private func requireCode(_ id: String) async throws {
        guard try await store.codeExists(id) else { throw CodingError.unknownCode(id) }
    }

    /// The anchor of a span the user chose: inside the text and not only white space.
    private static func anchor(_ span: Range<Int>, in window: TextWindow) throws -> TextQuoteAnchor {
        guard let anchor = TextQuoteAnchor(span: span, in: window) else {
            throw CodingError.invalidSpan(span, length: window.documentLength)
        }
        guard !anchor.quote.trimmingSpaces.isEmpty else { throw CodingError.blankSpan(span) }
        return anchor
    }

    private func validCoder(_ coder: String) throws -> String {
        let name = coder.trimmingSpaces
        guard !name.isEmpty, name.count <= 80 else { throw CodingError.invalidCoder }
        return name
    }
}

public enum CodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownCode(String)
    case invalidSpan(Range<Int>, length: Int)
    /// A start that is negative or not below the end: no span at all.
    case misorderedSpan(start: Int, end: Int)
    case blankSpan(Range<Int>)
    case invalidCoder

    public var description: String {
        switch self {
        case .unknownCode(let id): "unknown code '\(id)': it is not in the codebook (see `fieldwork codebook show`)"
        case .invalidSpan(let span, let length):
            "span [\(span.lowerBound), \(span.upperBound)) is not inside the text (0 to \(length), end after start)"
        case .misorderedSpan(let start, let end):
            "start \(start) must be 0 or more and below end \(end) (offsets count Unicode scalars from 0, end exclusive)"
        case .blankSpan(let span): "span [\(span.lowerBound), \(span.upperBound)) holds only white space"
        case .invalidCoder: "a coder name (1 to 80 characters) is required"
        }
    }
}

extension CodingError {
    /// `start..<end` from offsets a client sent, or `misorderedSpan`.
    public static func span(start: Int, end: Int) throws(CodingError) -> Range<Int> {
        guard start >= 0, end > start else { throw .misorderedSpan(start: start, end: end) }
        return start..<end
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
