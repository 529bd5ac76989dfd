@testable import FieldworkWeb
import Hummingbird
import Testing

/// The request's cookies as the middleware reads them: as Hummingbird's `Cookies` did (the first
/// pair of a name wins, space before a name is not part of it, values as sent), on bytes.
struct RequestCookiesTests {
    @Test func readsEachPairOfEveryCookieHeader() {
        let cookies = RequestCookies(headers: ["fieldwork_session=abc123; fieldwork_coder=Maja%20Lind;fieldwork_lang=sv",
                                               "blind=on"])
        #expect(cookies["fieldwork_session"] == "abc123")
        #expect(cookies["fieldwork_coder"] == "Maja%20Lind")
        #expect(cookies["fieldwork_lang"] == "sv")
        #expect(cookies["blind"] == "on")
        #expect(cookies["fieldwork"] == nil)
        #expect(cookies["session"] == nil)
    }

    @Test func agreesWithHummingbirdOnOddHeaders() {
        let headers = ["a=1; a=2; =x; novalue; empty=; \tb=é=ö; c=\"q\" ; ;d=4"]
        let ours = RequestCookies(headers: headers)
        let theirs = Cookies(from: headers)
        for name in ["a", "empty", "b", "c", "d", "novalue", "A"] {
            #expect(ours[name] == theirs[name]?.value, "\(name)")
        }
        #expect(ours["a"] == "1" && ours["b"] == "é=ö" && ours["d"] == "4" && ours["empty"] == nil)
    }

    @Test func noCookieHeaderHasNoCookies() {
        #expect(RequestCookies(headers: [])["fieldwork_session"] == nil)
    }
}
