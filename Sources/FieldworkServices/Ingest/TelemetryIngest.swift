import FieldworkCore
import Foundation

/// Ingest's part for `corpus/telemetry/`: each file not yet taken in, in its current content,
/// goes through `TelemetryImportService` under exactly the rules of `telemetry import` (consent
/// per reading, the device registry, all or nothing per file, one import at a time through the
/// store's import lock, the import's audit entry).
///
/// The store remembers the content hash of each file's latest finished import, so an unchanged
/// file costs one read to hash it and no import or audit entry; a changed one is imported again
/// (the readings it shares with the stored ones are kept once). There is no size-and-time
/// shortcut as for corpus files: a hash is cheap beside an import, and `--rehash` changes nothing.
struct TelemetryIngest {
    let workspace: Workspace
    let store: any FieldworkStore

    func ingest(_ urls: [URL], into summary: inout IngestSummary) async throws {
        guard !urls.isEmpty else { return }
        let imported = try await store.telemetryImportedFiles()
        var changed: [(url: URL, path: String, hash: String)] = []
        for url in urls {
            let path = workspace.relativePath(of: url)
            do {
                let hash = try ContentHash.of(file: url, path: path)
                if imported[path] == hash {
                    summary.telemetryUnchanged += 1
                } else {
                    changed.append((url, path, hash))
                }
            } catch {
                summary.problems += IngestService.problems(from: error, path: path)
            }
        }
        guard !changed.isEmpty else { return }
        let service = TelemetryImportService(workspace: workspace, store: store)
        let rules: TelemetryImportService.Rules
        do {
            rules = try await service.rules()
        } catch {
            // The device registry (or the catalogue it names) has a problem: said once, not per file.
            summary.problems += IngestService.problems(from: error, path: workspace.relativePath(of: workspace.devicesFile))
            return
        }
        let log = AuditLog(workspace: workspace, store: store)
        for file in changed {
            let report: TelemetryImportReport
            do {
                report = try await service.importFile(file.url, contentHash: file.hash, rules: rules)
            } catch {
                // Nothing of the file was stored (all or nothing); the other files go on.
                summary.problems += IngestService.problems(from: error, path: file.path)
                continue
            }
            try await log.append(.import, by: Acting.current.auditName,
                                 details: AuditDetails.importing("telemetry", from: file.url, counts: report.auditCounts))
            summary.telemetry.append(report)
        }
    }
}
