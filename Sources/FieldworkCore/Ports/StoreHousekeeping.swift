/// Work a store does in the background while a long-running process (the server) uses it, such
/// as SQLite's write-ahead-log checkpoints. The owner runs it as a service and cancels it on
/// shutdown; `run` returns once cancelled, after finishing what it was doing.
public protocol StoreHousekeeping: Sendable {
    func run() async
}
