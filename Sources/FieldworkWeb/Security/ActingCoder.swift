import FieldworkCore
import Hummingbird

extension WebContext {
    /// The coder a write is recorded for. In team mode that is the account logged in, whatever
    /// the request says: a request naming someone else is refused (403), one naming no one is
    /// the account's. In local mode the name the browser sent, as before.
    func actingCoder(_ claimed: String) throws -> String {
        guard let account else { return claimed }
        guard claimed == account.name else {
            throw APIError(.forbidden, "not_your_name", "you are logged in as \(account.name); you cannot act as \(claimed)")
        }
        return account.name
    }

    func actingCoder(_ claimed: String?) throws -> String? {
        guard let claimed else { return account?.name }
        return try actingCoder(claimed)
    }
}
