import FieldworkCore
import Hummingbird

/// The JSON API during a blind pass, consistent with the pages (`BlindPassPages`, blind.js).
///
/// The pass is the browser's `fieldwork_blind` cookie; blind.js narrows the pages, but the API
/// answered every coder's codings to the same browser, so a pass meant to be independent was
/// one request away from the comparison. Routes that compare coders (agreement, disagreements
/// and the decisions taken on them) are refused with 403 `blind_pass`, as their pages are
/// withheld; routes that list codings answer only the coder's own (`fieldwork_coder`, or the
/// account in team mode), as their pages are narrowed to `coder=` the coder.
enum BlindPassAPI {
    static let errorCode = "blind_pass"

    /// Refuses `what` (a comparison of coders) while the request's browser is in a blind pass.
    static func refuseComparison(_ what: String, _ request: Request, _ web: WebContext) throws {
        guard BlindPassPages.isOn(request, web) else { return }
        throw APIError(.forbidden, errorCode,
                       "\(what) compares coders and is not shown while your blind pass is on (cookie fieldwork_blind); turn the blind pass off to see it")
    }

    /// The coder a listing of codings may show: what was asked for, or during a blind pass only
    /// the coder's own (asked for no one: the coder's own; asked for someone else: refused).
    static func coder(asked: String?, _ request: Request, _ web: WebContext) throws -> String? {
        let asked = asked.flatMap { $0.isEmpty ? nil : $0 }
        guard BlindPassPages.isOn(request, web) else { return asked }
        guard let own = web.coder else {
            throw APIError(.forbidden, errorCode,
                           "your blind pass shows only your own codings, and this request names no coder (cookie fieldwork_coder)")
        }
        if let asked, asked != own {
            throw APIError(.forbidden, errorCode, "your blind pass shows only your own codings (\(own)), not those of \(asked)")
        }
        return own
    }

    /// Refuses a single coding of another coder (its history) during a blind pass.
    static func requireOwn(codingBy owner: String?, _ request: Request, _ web: WebContext) throws {
        guard let owner, let own = try coder(asked: nil, request, web), owner != own else { return }
        throw APIError(.forbidden, errorCode, "your blind pass shows only your own codings (\(own)); this coding is not yours")
    }
}
