import FieldworkCore
import Foundation
import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage plus the browser session, once checked.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: Session?
    /// The interface language of this request (`LanguageMiddleware`).
    public var language: InterfaceLanguage = .en
    /// The request's path and query (`LanguageMiddleware`): where the language switch returns.
    public var pagePath = "/"
    /// The study's time zone (`LanguageMiddleware`, from the workspace settings): the pages' scripts
    /// show times in it, as the audit page does, whatever the browser's own zone.
    public var studyTimeZone = "Europe/Stockholm"
    /// The browser's coder name (its `fieldwork_coder` cookie), once `ActingMiddleware` read it;
    /// in team mode the account's name.
    public var coder: String?
    /// Team mode: the account logged in (`TeamSessionMiddleware`), current as of this request.
    public var account: Account?
    /// Served read-only (a hot standby): set by `ReadOnlyMiddleware` for the pages' notice.
    public var readOnly: ReadOnlyServing?
    /// The peer's IP address (nil in the in-process test client).
    public let remoteAddress: String?
    /// The request's cookies, split once by the first middleware (`LanguageMiddleware`) for all
    /// that read one: each middleware splitting the `Cookie` header again was a measurable part
    /// of a coding write.
    var cookies: RequestCookies?

    /// The value of the request's cookie `name`.
    func cookie(_ name: String, of request: Request) -> String? {
        (cookies ?? RequestCookies(request))[name]
    }

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Transcripts are small; a coding or memo request far less. Refuse anything larger early.
    public static let maxUploadSize = 1024 * 1024
    public var maxUploadSize: Int { Self.maxUploadSize }

    /// The API speaks snake_case with ISO 8601 dates. One decoder and one encoder for every
    /// request (both are thread-safe): building them, with their strategies, per request was a
    /// measurable part of a coding write.
    public var requestDecoder: APIBodyDecoder { APIBodyDecoder(json: Self.sharedDecoder) }
    public var responseEncoder: JSONEncoder { Self.sharedEncoder }

    static let sharedDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    static let sharedEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // UTC with milliseconds, as stored; Foundation's `.iso8601` strategy went through a
        // calendar for every date and was a tenth of a coding write's server time.
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTime.isoTimestamp(date: date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
