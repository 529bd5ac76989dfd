import Foundation
import Synchronization

/// A browser session: created when the access token is presented, identified by an HttpOnly
/// cookie, carrying the CSRF token that state-changing requests must echo in a header.
public struct Session: Sendable, Hashable {
    public let id: String
    public let csrfToken: String
}

/// Sessions live in memory only: a restarted server has a new token and no old sessions.
public final class SessionStore: Sendable {
    private let sessions = Mutex<[String: Session]>([:])

    public init() {}

    public func create() -> Session {
        let session = Session(id: SecretString.random(bytes: 32), csrfToken: SecretString.random(bytes: 32))
        sessions.withLock { $0[session.id] = session }
        return session
    }

    public func session(id: String) -> Session? {
        sessions.withLock { sessions in
            // Look up by constant-time comparison of the key we hold, not by hashing the input
            // alone: a hash lookup followed by a constant-time check of the stored id.
            guard let session = sessions[id], SecretString.constantTimeEquals(session.id, id) else { return nil }
            return session
        }
    }
}
