import FieldworkServices
import Hummingbird
import Logging

/// How the web server is started.
public struct WebServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var token: AccessToken

    public init(host: String = "127.0.0.1", port: Int = 0, token: AccessToken = .random()) {
        self.host = host
        self.port = port
        self.token = token
    }

    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}

/// The router: security middleware around every route, then pages, API and static files.
public func buildRouter(
    context: FieldworkContext, token: AccessToken, hostPolicy: HostPolicy, sessions: SessionStore = SessionStore()
) throws -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.addMiddleware {
        SecurityHeadersMiddleware()
        HostCheckMiddleware(policy: hostPolicy)
        SessionMiddleware(token: token, sessions: sessions)
        CSRFMiddleware(policy: hostPolicy)
    }
    PageRoutes(context: context).register(on: router)
    NeedsRoutes(context: context).register(on: router)
    ActorsRoutes(context: context).register(on: router)
    HandoutRoutes(context: context).register(on: router)
    AgreementRoutes(context: context).register(on: router)
    let api = router.group("api")
    DocumentsAPI(context: context).register(on: api)
    CodingsAPI(context: context).register(on: api)
    CodebookAPI(context: context, editor: CodebookEditor(workspace: context.workspace, store: context.store)).register(on: api)
    MemosAPI(context: context).register(on: api)
    RetrievalAPI(context: context).register(on: api)
    NeedsAPI(context: context).register(on: api)
    AgreementAPI(context: context).register(on: api)
    try StaticRoutes(context: context).register(on: router)
    return router
}

/// The whole application, bound to loopback unless configured otherwise.
public func buildApplication(
    context: FieldworkContext, configuration: WebServerConfiguration,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let port = BoundPort(configuration.port)
    let policy = HostPolicy(port: port, boundHost: configuration.host)
    let router = try buildRouter(context: context, token: configuration.token, hostPolicy: policy)
    var logger = Logger(label: "fieldwork.web")
    logger.logLevel = .warning
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Fieldwork"),
        onServerRunning: { channel in
            port.value = channel.localAddress?.port ?? configuration.port
            await onServerRunning(port.value)
        },
        logger: logger
    )
}
