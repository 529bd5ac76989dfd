import Foundation

/// An analytic memo: a researcher's note on a document, a code or the project as a whole.
/// (A coding's own memo lives on the coding.)
public struct Memo: Sendable, Hashable, Codable, Identifiable {
    public enum Target: String, Sendable, Codable, CaseIterable {
        case project
        case document
        case code
    }

    public var id: String
    public var target: Target
    /// The document or code id; empty for the project.
    public var targetID: String
    public var author: String
    public var text: String
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: String, target: Target, targetID: String, author: String, text: String,
        createdAt: Date, updatedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.target = target
        self.targetID = targetID
        self.author = author
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }

    public static func newID() -> String { "m-" + Coding.newID().dropFirst(2) }
}
