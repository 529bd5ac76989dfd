import FieldworkCore
@testable import FieldworkServices
import Foundation
import Testing

/// Accounts through the service on a real workspace: bcrypt hashes (cost 4 here, to keep the
/// suite quick; the CLI uses 12), checks at login, and an audit entry for every change that
/// holds neither the password nor its hash.
@Suite struct AccountServiceTests {
    static let password = "correct horse battery"

    @Test func createAuthenticateDisableAndChangePassword() async throws {
        let workspace = try await TemporaryWorkspace()
        let accounts = AccountService(store: workspace.store, audit: workspace.context.audit, hasher: PasswordHasher(cost: 4))
        #expect(try await accounts.teamMode() == false)
        let anna = try await accounts.create(name: "Anna", role: .researcher, password: Self.password)
        #expect(anna.passwordHash.hasPrefix("$2b$04$") && !anna.passwordHash.contains(Self.password))
        #expect(try await accounts.teamMode())

        guard case .accepted(let account) = try await accounts.authenticate(name: "anna", password: Self.password) else {
            Issue.record("the right password was refused"); return
        }
        #expect(account.name == "Anna")
        guard case .refused(_, "wrong_password") = try await accounts.authenticate(name: "Anna", password: "wrong password!") else {
            Issue.record("a wrong password was accepted"); return
        }
        guard case .refused(nil, "unknown_account") = try await accounts.authenticate(name: "Nobody", password: Self.password) else {
            Issue.record("an unknown name was accepted"); return
        }
        try await accounts.setDisabled(name: "Anna", true)
        guard case .refused(_, "disabled") = try await accounts.authenticate(name: "Anna", password: Self.password) else {
            Issue.record("a disabled account was accepted"); return
        }
        try await accounts.setDisabled(name: "Anna", false)
        try await accounts.setPassword(name: "Anna", password: "another long password")
        guard case .refused = try await accounts.authenticate(name: "Anna", password: Self.password),
              case .accepted = try await accounts.authenticate(name: "Anna", password: "another long password") else {
            Issue.record("the new password did not replace the old"); return
        }

        let entries = try await workspace.context.audit.entries().filter { $0.action == .account }
        #expect(entries.map { $0.details["change"] } == ["created", "disabled", "enabled", "password"])
        #expect(entries.allSatisfy { $0.details["account"] == "Anna" })
        let log = try String(contentsOf: workspace.root.appending(path: "audit/log.jsonl"), encoding: .utf8)
        #expect(!log.contains(Self.password) && !log.contains("another long password") && !log.contains("$2b$"))
    }

    @Test func badNamesPasswordsAndDuplicatesAreRefusedAndChangeNothing() async throws {
        let workspace = try await TemporaryWorkspace()
        let accounts = AccountService(store: workspace.store, audit: workspace.context.audit, hasher: PasswordHasher(cost: 4))
        try await accounts.create(name: "Anna", role: .admin, password: Self.password)
        for (name, password, problem) in [
            ("ANNA", Self.password, "an account named Anna exists already (names are compared without case)"),
            ("Anna", Self.password, "an account named Anna exists already"),
            ("", Self.password, "the account name is empty"),
            (" Bo", Self.password, "the account name starts or ends with a space"),
            ("Bo", "short", "the password has fewer than 10 characters"),
            ("Bo", String(repeating: "å", count: 40), "the password is longer than 72 bytes (bcrypt would ignore the rest)"),
        ] {
            await #expect(throws: AccountError(problem)) { try await accounts.create(name: name, role: .analyst, password: password) }
        }
        await #expect(throws: AccountError("no account named Bo")) { try await accounts.setDisabled(name: "Bo", true) }
        #expect(try await accounts.list().map(\.name) == ["Anna"])
    }
}

/// Two accounts could write one codings file ("Asa Oberg" beside "Åsa Öberg", "åsa öberg"
/// beside "Åsa Öberg": only ASCII case was compared), and the login rate limit, which folds
/// Unicode case, then locked one out for the other's failures; "Consensus" and "ingest" were
/// account names, and a name typed decomposed (NFD) could not log in (found by a new user).
@Suite struct AccountNameClashTests {
    @Test func aNameTakenForAnotherAccountOrForTheWorkbenchIsRefusedNamingIt() async throws {
        let workspace = try await TemporaryWorkspace()
        let accounts = AccountService(store: workspace.store, audit: workspace.context.audit, hasher: PasswordHasher(cost: 4))
        try await accounts.create(name: "Åsa Öberg", role: .researcher, password: AccountServiceTests.password)
        for (name, problem) in [
            ("Asa Oberg", "Asa Oberg would write the codings file of the account Åsa Öberg (codings/asa-oberg.jsonl); "
                + "choose a name that differs in more than accents, case or punctuation"),
            ("åsa öberg", "an account named Åsa Öberg exists already (names are compared without case)"),
            ("A\u{30A}sa O\u{308}berg", "an account named Åsa Öberg exists already"),
            ("asa-oberg", "asa-oberg would write the codings file of the account Åsa Öberg (codings/asa-oberg.jsonl); "
                + "choose a name that differs in more than accents, case or punctuation"),
            ("Consensus", "'Consensus' is the coder the team's adjudicated decisions are stored under (taken into the consensus on "
                + "the disagreements page or with `fieldwork adjudicate`), so no account may be named Consensus; choose another name"),
            ("consensus", "'Consensus' is the coder the team's adjudicated decisions are stored under (taken into the consensus on "
                + "the disagreements page or with `fieldwork adjudicate`), so no account may be named consensus; choose another name"),
            ("ingest", "'ingest' is the name the changes ingest makes by itself are recorded under, so no account may be named ingest; "
                + "choose another name"),
        ] {
            await #expect(throws: AccountError(problem), "\(name)") {
                try await accounts.create(name: name, role: .analyst, password: AccountServiceTests.password)
            }
        }
        #expect(try await accounts.list().map(\.name) == ["Åsa Öberg"])
    }

    /// Stored in NFC, found from NFD, and an account stored decomposed (before) is found from NFC.
    @Test func aNameTypedDecomposedLogsIn() async throws {
        let workspace = try await TemporaryWorkspace()
        let accounts = AccountService(store: workspace.store, audit: workspace.context.audit, hasher: PasswordHasher(cost: 4))
        let decomposed = "A\u{30A}sa O\u{308}berg"
        let made = try await accounts.create(name: decomposed, role: .researcher, password: AccountServiceTests.password)
        #expect(made.name.unicodeScalars.count == "Åsa Öberg".unicodeScalars.count)
        for typed in [decomposed, "Åsa Öberg"] {
            guard case .accepted(let account) = try await accounts.authenticate(name: typed, password: AccountServiceTests.password) else {
                Issue.record("\(typed.unicodeScalars.count) scalars: refused"); continue
            }
            #expect(account.name.unicodeScalars.elementsEqual("Åsa Öberg".unicodeScalars))
        }
        try await workspace.store.insertAccount(Account(name: "Bo\u{308}", role: .analyst, passwordHash: made.passwordHash, createdAt: Date()))
        guard case .accepted = try await accounts.authenticate(name: "Bö", password: AccountServiceTests.password) else {
            Issue.record("an account stored decomposed was not found from NFC"); return
        }
    }
}

extension AccountError: Equatable {
    public static func == (lhs: AccountError, rhs: AccountError) -> Bool { lhs.description == rhs.description }
}
