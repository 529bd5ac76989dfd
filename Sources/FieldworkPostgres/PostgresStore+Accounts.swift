import FieldworkCore
import Foundation
import PostgresNIO

/// Team accounts on PostgreSQL, with SQLite's rules: one account per name regardless of ASCII case.
extension PostgresStore {
    /// The column's name folded as SQLite's NOCASE folds it (A–Z only), as the unique index does.
    private static let foldedName = "translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    /// `translate`'s arguments after the value, for folding a bound name the same way.
    private static let folding = ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"

    public func accounts() async throws -> [Account] {
        try await read { connection in
            try await connection.rows("""
                SELECT name, role, password_hash, disabled, created_at, updated_at FROM account
                ORDER BY \(unescaped: Self.foldedName) COLLATE "C", name COLLATE "C"
                """, logger).map(Self.account(from:))
        }
    }

    public func account(named name: String) async throws -> Account? {
        try await read { connection in
            try await connection.row("""
                SELECT name, role, password_hash, disabled, created_at, updated_at FROM account
                WHERE \(unescaped: Self.foldedName) = translate(\(name)\(unescaped: Self.folding)
                """, logger).map(Self.account(from:))
        }
    }

    public func hasAccounts() async throws -> Bool {
        try await read { connection in
            try await connection.row("SELECT EXISTS (SELECT 1 FROM account) AS present", logger)?.get("present") ?? false
        }
    }

    public func insertAccount(_ account: Account) async throws {
        try await write { connection in
            let existing = try await connection.row("""
                SELECT name FROM account WHERE \(unescaped: Self.foldedName) = translate(\(account.name)\(unescaped: Self.folding)
                """, logger)
            if existing != nil { throw StoreError.conflict("an account named \(account.name) exists already") }
            try await connection.run("""
                INSERT INTO account (name, role, password_hash, disabled, created_at, updated_at)
                VALUES (\(account.name), \(account.role.rawValue), \(account.passwordHash), \(account.disabled),
                        \(PostgresTimestamp.text(account.createdAt)), \(PostgresTimestamp.text(account.updatedAt)))
                """, logger)
        }
    }

    public func updateAccount(_ account: Account) async throws {
        try await write { connection in
            let updated = try await connection.row("""
                UPDATE account SET role = \(account.role.rawValue), password_hash = \(account.passwordHash),
                    disabled = \(account.disabled), updated_at = \(PostgresTimestamp.text(account.updatedAt))
                WHERE \(unescaped: Self.foldedName) = translate(\(account.name)\(unescaped: Self.folding) RETURNING name
                """, logger)
            if updated == nil { throw StoreError.notFound("account '\(account.name)'") }
        }
    }

    private static func account(from row: PostgresRandomAccessRow) throws -> Account {
        Account(name: try row.get("name"), role: try row.value("role", of: "account"), passwordHash: try row.get("password_hash"),
                disabled: try row.get("disabled"), createdAt: try row.date("created_at", of: "account"),
                updatedAt: try row.date("updated_at", of: "account"))
    }
}
