import HummingbirdCore
import Logging
import NIOCore

/// Runs each connection's requests on the event loop that reads and writes its socket (Swift's
/// task executor preference) instead of on Swift's global pool; `WorkOffloadMiddleware` sends
/// every request but the light ones back to the pool.
///
/// By default Hummingbird hands every request from its event loop to a task on the global pool
/// and every response back: two thread wake-ups per request, the largest single cost of a small
/// request on a server that is not saturated. Measured (release, 8 Python clients, ~950 requests
/// a second, alternated): a static file 0.21-0.25 -> 0.17 ms of server CPU and 3.7 -> 1.3 context
/// switches per request; a coding write 0.45-0.57 -> 0.41-0.50 ms and 8.1 -> 4.9 switches.
public struct EventLoopAffineChannel<Base: ServerChildChannel>: ServerChildChannel {
    public typealias Value = Base.Value
    let base: Base

    public init(base: Base) {
        self.base = base
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger)
    }

    public func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

/// A NIO event loop as a Swift task executor: jobs run on the loop's thread, in its queue.
public final class EventLoopTaskExecutor: TaskExecutor {
    private let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with each connection's requests handled on its own event loop.
    public static func http1OnEventLoops(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in EventLoopAffineChannel(base: HTTP1Channel(responder: responder, configuration: configuration)) }
    }
}
