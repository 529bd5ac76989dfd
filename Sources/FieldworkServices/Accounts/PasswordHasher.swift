import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's blocking thread pool: one hash at cost 12 takes a quarter of a second
/// of CPU, which must not hold an event loop or a thread of Swift's cooperative pool (every
/// other request would wait behind a login).
public struct PasswordHasher: Sendable {
    /// 2^12 rounds: about 0.25 s on this machine's cores, the usual advice for interactive logins.
    public static let defaultCost: UInt8 = 12
    /// bcrypt reads at most 72 bytes; a longer password would be cut without notice, so it is refused.
    public static let maxBytes = 72
    public static let minCharacters = 10

    public let cost: UInt8

    public init(cost: UInt8 = PasswordHasher.defaultCost) {
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// The time of a real check, spent when no account has the name, so that timing does not
    /// tell which names exist.
    public func verifyDecoy(_ password: String) async throws {
        _ = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: Self.decoy) }
    }

    /// A hash of nothing anyone types, made once (on the pool, at the first unknown name).
    private static let decoy = Bcrypt.hash(String(repeating: "\u{1}", count: 16), cost: defaultCost)

    /// Nil when `password` is acceptable, else what is wrong with it.
    public static func problem(_ password: String) -> String? {
        if password.count < minCharacters { return "the password has fewer than \(minCharacters) characters" }
        if password.utf8.count > maxBytes { return "the password is longer than \(maxBytes) bytes (bcrypt would ignore the rest)" }
        return nil
    }
}
