import FieldworkCore
import Foundation
import Synchronization

/// A browser session: created when the access token is presented (local mode) or at login
/// (team mode), identified by an HttpOnly cookie, carrying the CSRF token that state-changing
/// requests must echo in a header.
public struct Session: Sendable, Hashable {
    public let id: String
    public let csrfToken: String
    /// The account logged in (team mode); nil in local mode, where the session is the one user.
    public var account: String?
    public var createdAt = Date()
}

/// Sessions live in memory only: a restarted server has a new token and no old sessions.
public final class SessionStore: Sendable {
    /// A team session ends this long after its login, however busy (a working day and a half).
    public static let lifetime: TimeInterval = 12 * 3600

    private let sessions = Mutex<[String: Session]>([:])

    public init() {}

    public func create(account: String? = nil) -> Session {
        let session = Session(id: SecretString.random(bytes: 32), csrfToken: SecretString.random(bytes: 32), account: account)
        sessions.withLock { $0[session.id] = session }
        return session
    }

    public func session(id: String, now: Date = Date()) -> Session? {
        sessions.withLock { sessions in
            // Look up by constant-time comparison of the key we hold, not by hashing the input
            // alone: a hash lookup followed by a constant-time check of the stored id.
            guard let session = sessions[id], SecretString.constantTimeEquals(session.id, id) else { return nil }
            if session.account != nil, now.timeIntervalSince(session.createdAt) > Self.lifetime {
                sessions[id] = nil
                return nil
            }
            return session
        }
    }

    public func remove(id: String) {
        sessions.withLock { _ = $0.removeValue(forKey: id) }
    }
}
