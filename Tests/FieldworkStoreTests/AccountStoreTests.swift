import FieldworkCore
@testable import FieldworkStore
import Foundation
import Testing

/// Accounts in a real database file, reopened between writing and reading.
@Suite struct AccountStoreTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "accounts-\(UUID().uuidString)/fieldwork.sqlite").path

    @Test func accountsAreStoredUniqueRegardlessOfCaseAndUpdated() async throws {
        let created = Date(timeIntervalSince1970: 1_790_000_000.123)
        do {
            let store = SQLiteStore(try AppDatabase.open(path: path))
            #expect(try await store.hasAccounts() == false)
            try await store.insertAccount(Account(name: "Anna Lind", role: .researcher, passwordHash: "$2b$04$hash", createdAt: created))
            await #expect(throws: StoreError.self) {
                try await store.insertAccount(Account(name: "anna lind", role: .admin, passwordHash: "x", createdAt: created))
            }
            try await store.insertAccount(Account(name: "Bo", role: .facilitator, passwordHash: "$2b$04$other", createdAt: created))
        }
        let store = SQLiteStore(try AppDatabase.open(path: path))
        #expect(try await store.hasAccounts())
        #expect(try await store.accounts().map(\.name) == ["Anna Lind", "Bo"])
        var anna = try #require(try await store.account(named: "ANNA LIND"))
        #expect(anna.name == "Anna Lind" && anna.role == .researcher && !anna.disabled && anna.createdAt == created)
        anna.disabled = true
        anna.role = .analyst
        anna.passwordHash = "$2b$04$new"
        try await store.updateAccount(anna)
        let reread = try #require(try await store.account(named: "Anna Lind"))
        #expect(reread.disabled && reread.role == .analyst && reread.passwordHash == "$2b$04$new")
        await #expect(throws: StoreError.notFound("account Nobody")) {
            try await store.updateAccount(Account(name: "Nobody", role: .admin, passwordHash: "x", createdAt: created))
        }
    }
}
