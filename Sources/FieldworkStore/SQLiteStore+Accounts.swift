import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func accounts() async throws -> [Account] {
        try await writer.read { db in
            try Row.decodeAll(db, sql: "SELECT * FROM account ORDER BY name", Self.account)
        }
    }

    public func account(named name: String) async throws -> Account? {
        try await writer.read { db in
            try Row.decodeOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name], Self.account)
        }
    }

    public func hasAccounts() async throws -> Bool {
        try await writer.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM account)") ?? false }
    }

    public func insertAccount(_ account: Account) async throws {
        try await writer.write { db in
            if try Row.fetchOne(db, sql: "SELECT name FROM account WHERE name = ?", arguments: [account.name]) != nil {
                throw StoreError.conflict("an account named \(account.name) exists already")
            }
            try db.execute(sql: """
                INSERT INTO account (name, role, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [account.name, account.role.rawValue, account.passwordHash, account.disabled,
                                 Timestamp.text(account.createdAt), Timestamp.text(account.updatedAt)])
        }
    }

    public func updateAccount(_ account: Account) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                UPDATE account SET role = ?, password_hash = ?, disabled = ?, updated_at = ? WHERE name = ?
                """, arguments: [account.role.rawValue, account.passwordHash, account.disabled, Timestamp.text(account.updatedAt), account.name])
            if db.changesCount == 0 { throw StoreError.notFound("account '\(account.name)'") }
        }
    }

    private static func account(_ row: Row) throws -> Account {
        let roleName: String = row["role"]
        guard let role = Role(rawValue: roleName) else { throw StoreError.conflict("account \(row["name"] as String): unknown role \(roleName)") }
        return Account(name: row["name"], role: role, passwordHash: row["password_hash"], disabled: row["disabled"],
                       createdAt: try row.date("created_at", of: "account"), updatedAt: try row.date("updated_at", of: "account"))
    }
}
