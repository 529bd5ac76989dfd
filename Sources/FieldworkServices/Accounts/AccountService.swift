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

    /// Stored in NFC (`NameClash.normalized`), so the name typed decomposed at login finds it.
    @discardableResult
    public func create(name: String, role: Role, password: String) async throws -> Account {
        let name = NameClash.normalized(name)
        if let problem = AccountName.problem(name) { throw AccountError(problem) }
        if let reserved = ReservedCoder.matching(name) {
            throw AccountError("\(ReservedCoder.reason(reserved)), so no account may be named \(name); choose another name")
        }
        if let problem = PasswordHasher.problem(password) { throw AccountError(problem) }
        try await refuseClash(name)
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
        guard let account = try await account(named: name) else {
            try await hasher.verifyDecoy(password)
            return .refused(account: nil, reason: "unknown_account")
        }
        guard try await hasher.verify(password, hash: account.passwordHash) else { return .refused(account: account, reason: "wrong_password") }
        guard !account.disabled else { return .refused(account: account, reason: "disabled") }
        return .accepted(account)
    }

    /// An account's current state, for a session's every request (a disabled account's
    /// sessions end, a changed role applies at once). The name as typed, in NFC or not; an
    /// account stored decomposed (made before names were normalised) is found too.
    public func account(named name: String) async throws -> Account? {
        let name = NameClash.normalized(name)
        if let account = try await store.account(named: name) { return account }
        return try await store.accounts().first { NameClash.normalized($0.name) == name }
    }

    public enum Authentication: Sendable {
        case accepted(Account)
        case refused(account: Account?, reason: String)
    }

    private func existing(_ name: String) async throws -> Account {
        guard let account = try await account(named: name) else { throw AccountError("no account named \(name)") }
        return account
    }

    /// Refuses a name another account would be taken for (`NameClash`), naming that account: the
    /// same name but for case ("Rita Res" for "rita res", "Åsa Öberg" for "åsa öberg"), or the
    /// same codings file ("Asa Oberg" beside "Åsa Öberg": codings/asa-oberg.jsonl), where two
    /// people's codings would mix and one's failed logins would lock the other out.
    private func refuseClash(_ name: String) async throws {
        let accounts = try await store.accounts()
        if let existing = accounts.first(where: { NameClash.folded($0.name) == NameClash.folded(name) }) {
            throw AccountError(existing.name == name ? "an account named \(name) exists already"
                                                     : "an account named \(existing.name) exists already (names are compared without case)")
        }
        if let existing = accounts.first(where: { NameClash.sameCodingsFile($0.name, name) }) {
            throw AccountError("\(name) would write the codings file of the account \(existing.name) "
                               + "(\(CodingLedger.relativePath(for: name))); choose a name that differs in more than accents, case or punctuation")
        }
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
