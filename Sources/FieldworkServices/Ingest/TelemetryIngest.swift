import FieldworkCore
import Foundation

/// Ingest's part for `corpus/telemetry/`: each file not yet taken in, in its current content,
/// goes through `TelemetryImportService` under exactly the rules of `telemetry import` (consent
/// per reading, the device registry, all or nothing per file, one import at a time through the
/// store's import lock, the import's audit entry).
///
/// The store remembers each file as its latest finished import took it in (`TelemetryFileState`):
/// a file whose size and modification time are those recorded is not even read, as corpus files
/// are not (`FileStamp`; `--rehash` reads them all); any other is read and hashed, and skipped if
/// its content is the one taken in (its new stamp is recorded) — no import, no audit entry. A
/// changed one is imported again (the readings it shares with the stored ones are kept once).
struct TelemetryIngest {
    let workspace: Workspace
    let store: any FieldworkStore

    func ingest(_ urls: [URL], rehash: Bool = false, into summary: inout IngestSummary) async throws {
        guard !urls.isEmpty else { return }
        let imported = try await store.telemetryImportedFiles()
        var changed: [(url: URL, path: String, file: TelemetryFileState)] = []
        var restamped: [String: FileStamp] = [:]
        for url in urls {
            let path = workspace.relativePath(of: url)
            // Taken before reading, so a change during the read gives a stamp that will not match.
            let stamp = FileStamps.stamp(of: url)
            let previous = imported[path]
            if !rehash, let stamp, previous?.stamp == stamp {
                summary.telemetryUnchanged += 1
                continue
            }
            do {
                let hash = try ContentHash.of(file: url, path: path)
                if let previous, previous.contentHash == hash {
                    summary.telemetryUnchanged += 1
                    if let stamp, stamp != previous.stamp { restamped[path] = stamp }
                } else {
                    changed.append((url, path, TelemetryFileState(contentHash: hash, stamp: stamp)))
                }
            } catch {
                summary.problems += IngestService.problems(from: error, path: path)
                summary.telemetryFailed += 1
            }
        }
        try await store.recordTelemetryFileStamps(restamped)
        guard !changed.isEmpty else { return }
        let service = TelemetryImportService(workspace: workspace, store: store)
        let rules: TelemetryImportService.Rules
        do {
            rules = try await service.rules()
        } catch {
            // The device registry (or the catalogue it names) has a problem: said once, not per file.
            summary.problems += IngestService.problems(from: error, path: workspace.relativePath(of: workspace.devicesFile))
            summary.telemetryFailed += changed.count
            return
        }
        let log = AuditLog(workspace: workspace, store: store)
        for file in changed {
            let report: TelemetryImportReport
            do {
                report = try await service.importFile(file.url, file: file.file, rules: rules)
            } catch {
                // Nothing of the file was stored (all or nothing); the other files go on.
                summary.problems += IngestService.problems(from: error, path: file.path)
                summary.telemetryFailed += 1
                continue
            }
            try await log.append(.import, by: Acting.current.auditName,
                                 details: AuditDetails.importing("telemetry", from: file.url, counts: report.auditCounts))
            summary.telemetry.append(report)
        }
    }
}
