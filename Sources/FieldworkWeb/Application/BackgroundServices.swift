import FieldworkCore
import FieldworkServices
import ServiceLifecycle

/// The store's background work (SQLite checkpoints) as one of the server's services: started
/// with the server and stopped, after a last round, when the server shuts down gracefully.
struct HousekeepingService: Service {
    let housekeeping: any StoreHousekeeping

    func run() async throws {
        await cancelWhenGracefulShutdown { await housekeeping.run() }
    }
}

/// Colleagues' codings files taken in while serving, as one of the server's services.
struct LedgerWatcherService: Service {
    let watcher: LedgerWatcher

    func run() async throws {
        await cancelWhenGracefulShutdown { await watcher.run() }
    }
}
