import FieldworkCore
import Foundation
import Logging

/// Keeps a running server's store in step with the codings files: when a file in `codings/`
/// changes (a `git pull`, a colleague's copy on a file share), its records are taken in within
/// a couple of seconds, without a restart. Polling the folder's few file stamps costs next to
/// nothing and works on network shares, where change notifications often do not.
public struct LedgerWatcher: Sendable {
    let sync: LedgerSync
    let ledger: CodingLedger
    let logger = Logger(label: "fieldwork.ledger")

    public init(context: FieldworkContext) {
        ledger = context.ledger
        sync = LedgerSync(store: context.store, ledger: context.ledger)
    }

    /// Runs until the task is cancelled.
    public func run(every interval: Duration = .seconds(2)) async {
        var last = await ledger.foreignStamps()
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            let current = await ledger.foreignStamps()
            guard current != last else { continue }
            do {
                let report = try await sync.sync()
                report.problems.forEach { logger.error("\($0)") }
                if report.taken > 0 { logger.info("codings files: \(report.taken) records taken in") }
                // Our own writes change the stamps too; read them after syncing.
                last = await ledger.foreignStamps()
            } catch {
                logger.error("codings files could not be taken in: \(error)")
                last = current
            }
        }
    }
}
