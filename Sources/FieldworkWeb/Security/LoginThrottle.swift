import Foundation
import Synchronization

/// Login rate limiting: after `perAccount` failed logins for one account, or `perAddress` from
/// one client address, within `window`, further attempts are refused without checking the
/// password until the oldest failure is older than the window. A success clears the account's
/// failures (not the address's: one person guessing many names stays limited).
///
/// In memory: a restart forgets, which is no help to an attacker who cannot restart the server.
public final class LoginThrottle: Sendable {
    public let perAccount: Int
    public let perAddress: Int
    public let window: TimeInterval
    private let failures = Mutex<(accounts: [String: [Date]], addresses: [String: [Date]])>(([:], [:]))

    public init(perAccount: Int = 5, perAddress: Int = 20, window: TimeInterval = 15 * 60) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    public enum Verdict: Sendable, Equatable {
        case allowed
        /// Refused; `retryAfter` seconds until an attempt is allowed again.
        case limitedAccount(retryAfter: Int)
        case limitedAddress(retryAfter: Int)
    }

    public func check(account: String, address: String, now: Date = Date()) -> Verdict {
        failures.withLock { state in
            let account = Self.key(account)
            if let wait = wait(state.accounts[account], limit: perAccount, now: now) { return .limitedAccount(retryAfter: wait) }
            if let wait = wait(state.addresses[address], limit: perAddress, now: now) { return .limitedAddress(retryAfter: wait) }
            return .allowed
        }
    }

    public func recordFailure(account: String, address: String, now: Date = Date()) {
        failures.withLock { state in
            state.accounts[Self.key(account), default: []] = recent(state.accounts[Self.key(account)], now: now) + [now]
            state.addresses[address, default: []] = recent(state.addresses[address], now: now) + [now]
        }
    }

    public func recordSuccess(account: String) {
        failures.withLock { _ = $0.accounts.removeValue(forKey: Self.key(account)) }
    }

    private func recent(_ times: [Date]?, now: Date) -> [Date] {
        (times ?? []).filter { now.timeIntervalSince($0) < window }
    }

    /// Seconds until the oldest failure leaves the window, when `limit` are within it.
    private func wait(_ times: [Date]?, limit: Int, now: Date) -> Int? {
        let recent = recent(times, now: now)
        guard recent.count >= limit, let oldest = recent.suffix(limit).first else { return nil }
        return max(1, Int((window - now.timeIntervalSince(oldest)).rounded(.up)))
    }

    /// Account names are unique regardless of ASCII case, so their limits are too.
    private static func key(_ name: String) -> String { name.lowercased() }
}
