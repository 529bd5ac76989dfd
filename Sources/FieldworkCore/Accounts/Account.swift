import Foundation

/// A person who logs in to a team server. Their name is the coder name on everything they do.
/// The password is kept only as a slow hash (bcrypt, `$2b$…`), never as text.
public struct Account: Sendable, Hashable {
    public var name: String
    public var role: Role
    public var passwordHash: String
    /// A disabled account cannot log in, and its open sessions end at their next request.
    public var disabled: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(name: String, role: Role, passwordHash: String, disabled: Bool = false, createdAt: Date, updatedAt: Date? = nil) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}

/// The rules an account name follows: it becomes the coder name, so the coder limits apply
/// (1–80 characters), and it is typed at a login prompt (no control characters, no leading or
/// trailing space).
public enum AccountName {
    public static let maxLength = 80

    /// Nil when `name` is acceptable, else what is wrong with it.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the account name is empty" }
        if name.count > maxLength { return "the account name is longer than \(maxLength) characters" }
        if name != name.trimmingCharacters(in: .whitespaces) { return "the account name starts or ends with a space" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "the account name contains a control character"
        }
        return nil
    }
}
