/// Where a team server's accounts are kept (`Account`). Names are unique regardless of ASCII
/// case ("Anna" and "anna" are one account), and `account(named:)` finds either spelling.
public protocol AccountStore: Sendable {
    /// Every account, sorted by name.
    func accounts() async throws -> [Account]
    func account(named name: String) async throws -> Account?
    /// Whether any account exists, disabled ones included: a workspace with accounts is served
    /// in team mode.
    func hasAccounts() async throws -> Bool
    /// `StoreError.conflict` when an account of that name exists.
    func insertAccount(_ account: Account) async throws
    /// Writes the account's role, hash and disabled flag; `StoreError.notFound` when it does not exist.
    func updateAccount(_ account: Account) async throws
}
