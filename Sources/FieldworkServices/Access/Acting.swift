import FieldworkCore
import Foundation
import Synchronization

/// Who is acting: the coder name recorded in the audit log and used for material restricted
/// to named coders. Set at the edge, once — by the web server per request (the browser
/// session's coder), by the CLI per process (`$FIELDWORK_CODER`, else the login name) — so that
/// every service that applies the consent rule or writes an audit entry honours it without
/// each call passing it through.
public struct Acting: Sendable {
    /// Nil when a browser has not told its coder name yet.
    public var coder: String?
    public var access: AccessPolicy

    public init(coder: String?, access: AccessPolicy) {
        self.coder = coder
        self.access = access
    }

    /// The name audit entries carry.
    public var auditName: String { coder ?? "unknown (coder not set)" }

    @TaskLocal public static var request: Acting?
    private static let process = Mutex<Acting?>(nil)

    /// The request's, else the process's, else an unnamed person with nothing restricted.
    public static var current: Acting {
        request ?? process.withLock { $0 } ?? Acting(coder: nil, access: .open)
    }

    /// The CLI's person, for the whole process.
    public static func setProcess(_ acting: Acting) {
        process.withLock { $0 = acting }
    }

    /// `$FIELDWORK_CODER`, else the login name (as `--coder` defaults in the CLI): `$USER`,
    /// `$LOGNAME`, else the account's name from the password database, since cron jobs and
    /// containers often set neither variable (every change was then recorded as "unknown").
    public static var environmentCoder: String {
        let environment = ProcessInfo.processInfo.environment
        let named = ["FIELDWORK_CODER", "USER", "LOGNAME"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return named ?? accountName ?? "unknown"
    }

    private static var accountName: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        let text = String(cString: name)
        return text.isEmpty ? nil : text
    }
}
