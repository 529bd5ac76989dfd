import FieldworkCore
import Foundation

/// Accounts of a team server: created, listed, disabled and given new passwords by an admin
/// (the CLI), and checked at login (the web face). Every change is an `account` audit entry by
/// the person acting; no entry ever holds a password or its hash.
public struct AccountService: Sendable {
    let store: any AccountStore
    let audit: any AuditTrail
    let hasher: PasswordHasher

    public init(store: any AccountStore, audit: any AuditTrail, hasher: PasswordHasher = PasswordHasher()) {
        self.store = store
        self.audit = audit
        self.hasher = hasher
    }

    public func list() async throws -> [Account] { try await store.accounts() }

    /// Whether the workspace is served in team mode (it has accounts).
    public func teamMode() async throws -> Bool { try await store.hasAccounts() }

    @discardableResult
    public func create(name: String, role: Role, password: String) async throws -> Account {
        if let problem = AccountName.problem(name) { throw AccountError(problem) }
        if let problem = PasswordHasher.problem(password) { throw AccountError(problem) }
        // Names are compared without case: name the account that is there ("Rita Res" for "rita res").
        if let existing = try await store.account(named: name) {
            throw AccountError(existing.name == name ? "an account named \(name) exists already"
                                                     : "an account named \(existing.name) exists already (names are compared without case)")
        }
        let now = Date()
        let account = Account(name: name, role: role, passwordHash: try await hasher.hash(password), createdAt: now)
        try await store.insertAccount(account)
        try await record(account, "created", ["role": role.rawValue])
        return account
    }

    public func setDisabled(name: String, _ disabled: Bool) async throws {
        var account = try await existing(name)
        guard account.disabled != disabled else { return }
        account.disabled = disabled
        account.updatedAt = Date()
        try await store.updateAccount(account)
        try await record(account, disabled ? "disabled" : "enabled")
    }

    public func setPassword(name: String, password: String) async throws {
        if let problem = PasswordHasher.problem(password) { throw AccountError(problem) }
        var account = try await existing(name)
        account.passwordHash = try await hasher.hash(password)
        account.updatedAt = Date()
        try await store.updateAccount(account)
        try await record(account, "password")
    }

    public func setRole(name: String, _ role: Role) async throws {
        var account = try await existing(name)
        guard account.role != role else { return }
        account.role = role
        account.updatedAt = Date()
        try await store.updateAccount(account)
        try await record(account, "role", ["role": role.rawValue])
    }

    /// The account for `name` when `password` is its password and it is not disabled; nil
    /// otherwise, with why (for the audit log, never for the person logging in).
    public func authenticate(name: String, password: String) async throws -> Authentication {
        guard let account = try await store.account(named: name) else {
            try await hasher.verifyDecoy(password)
            return .refused(account: nil, reason: "unknown_account")
        }
        guard try await hasher.verify(password, hash: account.passwordHash) else { return .refused(account: account, reason: "wrong_password") }
        guard !account.disabled else { return .refused(account: account, reason: "disabled") }
        return .accepted(account)
    }

    /// An account's current state, for a session's every request (a disabled account's
    /// sessions end, a changed role applies at once).
    public func account(named name: String) async throws -> Account? { try await store.account(named: name) }

    public enum Authentication: Sendable {
        case accepted(Account)
        case refused(account: Account?, reason: String)
    }

    private func existing(_ name: String) async throws -> Account {
        guard let account = try await store.account(named: name) else { throw AccountError("no account named \(name)") }
        return account
    }

    private func record(_ account: Account, _ change: String, _ extra: [String: String] = [:]) async throws {
        var details = extra
        details["account"] = account.name
        details["change"] = change
        try await audit.append(.account, by: Acting.current.auditName, details: details)
    }
}

public struct AccountError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension FieldworkContext {
    public var accounts: AccountService { AccountService(store: store, audit: audit) }
}
