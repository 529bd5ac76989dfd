import FieldworkCore
import Foundation
import FieldworkServices
import FieldworkServing
import Hummingbird
import HummingbirdCore
import NIOCore
import Logging
import ServiceLifecycle

/// How the web server is started.
public struct WebServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var token: AccessToken
    /// Where the server logs (stderr by default): every 500 with its cause at `error`, each
    /// request at `info` (method, path without query, status, time), so `--log-level info`
    /// shows requests. Never transcript text.
    public var logger: Logger
    /// A connection that neither sends nor receives for this long is closed (a browser opens a
    /// new one), so idle connections cannot pile up until the process runs out of files.
    public var idleTimeout: Duration = .seconds(30)
    /// Connections served at once; beyond it new ones wait in the kernel's queue (not holding a
    /// file) until others close. Well below the usual limit of 1,024 open files, which the
    /// database, its log and static files share.
    public var maxConnections = 512
    /// Team mode (the workspace has accounts): login instead of the token; nil is local mode.
    public var team: TeamAccess?
    /// Take in colleagues' codings files while serving (`fieldwork serve`); tests that build the
    /// application leave it off and sync explicitly.
    public var watchesCodingsFiles = false
    /// Host names a TLS-terminating reverse proxy serves this server under (`--allowed-host`);
    /// requests naming them are answered, and HTTPS origins on them may change things.
    public var proxiedHosts: [String] = []
    /// Serve reading only (a PostgreSQL hot standby, or `serve --read-only`); nil serves everything.
    public var readOnly: ReadOnlyServing?

    public init(host: String = "127.0.0.1", port: Int = 0, token: AccessToken = .random(), logLevel: Logger.Level = .notice,
                logger: Logger? = nil) {
        self.host = host
        self.port = port
        self.token = token
        var logger = logger ?? Logger(label: "fieldwork.web") { ServerLogHandler(label: $0) }
        logger.logLevel = logLevel
        self.logger = logger
    }

    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}

/// The router: security middleware around every route, then pages, API and static files.
public func buildRouter(
    context: FieldworkContext, token: AccessToken, hostPolicy: HostPolicy, sessions: SessionStore = SessionStore(),
    team: TeamAccess? = nil, readOnly: ReadOnlyServing? = nil
) throws -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    // Read-only: its audit entries (logins, exports) go to a log of its own, not the database.
    let context = readOnly == nil ? context : context.readingOnly()
    let settings = try WorkspaceSettings.load(context.workspace)
    let defaultLanguage = settings.interfaceLanguage.flatMap(InterfaceLanguage.init(rawValue:)) ?? .en
    router.add(middleware: RequestGate(
        language: LanguageMiddleware(workspaceDefault: defaultLanguage, studyTimeZone: settings.timeZone.identifier),
        host: HostCheckMiddleware(policy: hostPolicy),
        sessions: team == nil ? .local(SessionMiddleware(token: token, sessions: sessions))
            : .team(TeamSessionMiddleware(sessions: sessions, accounts: context.accounts)),
        readOnly: readOnly.map(ReadOnlyMiddleware.init(serving:)), csrf: CSRFMiddleware(policy: hostPolicy),
        acting: ActingMiddleware(workspace: context.workspace)))
    if let team { LoginRoutes(context: context, sessions: sessions, team: team).register(on: router) }
    LanguageRoutes(catalogue: .bundled).register(on: router)
    PageRoutes(context: context).register(on: router)
    DocumentPrintRoutes(context: context).register(on: router)
    NeedsRoutes(context: context).register(on: router)
    RegisterRoutes(context: context).register(on: router)
    ActorsRoutes(context: context).register(on: router)
    HandoutRoutes(context: context).register(on: router)
    ReportRoutes(context: context).register(on: router)
    AgreementRoutes(context: context).register(on: router)
    AuditRoutes(context: context).register(on: router)
    MatrixRoutes(context: context).register(on: router)
    let api = router.group("api")
    DocumentsAPI(context: context).register(on: api)
    RecordingAPI(context: context).register(on: api)
    CodingsAPI(context: context).register(on: api)
    CodebookAPI(context: context).register(on: api)
    MemosAPI(context: context).register(on: api)
    RetrievalAPI(context: context).register(on: api)
    NeedsAPI(context: context).register(on: api)
    RegisterAPI(context: context).register(on: api)
    AgreementAPI(context: context).register(on: api)
    AdjudicationAPI(context: context).register(on: api)
    try StaticRoutes(context: context).register(on: router)
    return router
}

/// The whole application, bound to loopback unless configured otherwise.
public func buildApplication(
    context: FieldworkContext, configuration: WebServerConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let port = BoundPort(configuration.port)
    let policy = HostPolicy(port: port, boundHost: configuration.host, proxiedHosts: configuration.proxiedHosts)
    let router = try buildRouter(context: context, token: configuration.token, hostPolicy: policy, team: configuration.team,
                                 readOnly: configuration.readOnly)
    let idleTimeout = TimeAmount.nanoseconds(configuration.idleTimeout.inNanoseconds)
    return Application(
        router: router,
        server: .http1OnEventLoops(configuration: .init(idleTimeout: idleTimeout)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Fieldwork",
                             availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: configuration.logger)),
        services: backgroundServices(context: context, configuration: configuration),
        onServerRunning: { channel in
            port.value = channel.localAddress?.port ?? configuration.port
            await onServerRunning(port.value)
        },
        logger: configuration.logger
    )
}

/// What runs beside the HTTP server for as long as it serves, stopped with it.
private func backgroundServices(context: FieldworkContext, configuration: WebServerConfiguration) -> [any Service] {
    var services: [any Service] = []
    if let housekeeping = context.housekeeping { services.append(HousekeepingService(housekeeping: housekeeping)) }
    if configuration.watchesCodingsFiles { services.append(LedgerWatcherService(watcher: context.ledgerWatcher)) }
    return services
}
