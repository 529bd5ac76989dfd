import FieldworkCore
import Foundation
import Testing

/// Accounts, stored and read back after reopening: unique regardless of ASCII case, found by
/// either spelling, updated in place, in the same order on both stores.
@Suite struct AccountContractTests {
    let created = Date(timeIntervalSince1970: 1_790_000_000.123)

    @Test(arguments: StoreKind.available) func accountsAreStoredUniqueRegardlessOfCaseAndUpdated(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            #expect(try await store.hasAccounts() == false)
            try await store.insertAccount(Account(name: "Anna Lind", role: .researcher, passwordHash: "$2b$04$hash", createdAt: created))
            await #expect(throws: StoreError.self) {
                try await store.insertAccount(Account(name: "anna lind", role: .admin, passwordHash: "x", createdAt: created))
            }
            try await store.insertAccount(Account(name: "bo", role: .facilitator, passwordHash: "$2b$04$other", createdAt: created))
            try await store.insertAccount(Account(name: "Åsa", role: .analyst, passwordHash: "$2b$04$third", createdAt: created))
            let reopened = try await subject.reopen()
            #expect(try await reopened.hasAccounts())
            #expect(try await reopened.accounts().map(\.name) == ["Anna Lind", "bo", "Åsa"])
            var anna = try #require(try await reopened.account(named: "ANNA LIND"))
            #expect(anna.name == "Anna Lind" && anna.role == .researcher && !anna.disabled && anna.createdAt == created)
            anna.disabled = true
            anna.role = .analyst
            anna.passwordHash = "$2b$04$new"
            try await reopened.updateAccount(anna)
            let reread = try #require(try await reopened.account(named: "Anna Lind"))
            #expect(reread.disabled && reread.role == .analyst && reread.passwordHash == "$2b$04$new")
            await #expect(throws: StoreError.notFound("account 'Nobody'")) {
                try await reopened.updateAccount(Account(name: "Nobody", role: .admin, passwordHash: "x", createdAt: created))
            }
        }
    }
}
