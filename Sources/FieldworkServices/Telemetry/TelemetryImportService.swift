import FieldworkCore
import Foundation

/// `fieldwork telemetry import FILE`: SenML JSON packs or CSV, consent-checked, all or nothing.
///
/// A file that does not parse stores nothing: SenML is decoded and resolved, and CSV read
/// through once, before anything is written; the store then commits in short transactions (a
/// running server keeps storing codings meanwhile) and takes the import back whole if it fails.
/// Readings refused for consent or an unknown device are counted, not errors: the rest is stored.
public struct TelemetryImportService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    /// What every reading is checked against: the stored participants (their consents) and the
    /// device registry. Read once for all the files of an ingest.
    public struct Rules: Sendable {
        let participants: [Participant]
        let registry: DeviceRegistry
    }

    public func rules() async throws -> Rules {
        let participants = try await store.participants()
        let catalogue = try SolutionCatalogue.load(workspace)
        return Rules(participants: participants,
                     registry: try DeviceRegistry.load(workspace, catalogue: catalogue, participants: participants))
    }

    /// `now` is when SenML's relative times (below 2^28 s) are taken to be relative to.
    public func importFile(_ url: URL, now: Date = Date()) async throws -> TelemetryImportReport {
        // Stamped, then hashed, before it is read: a file changed meanwhile is remembered by its
        // old content and stamp, so ingest takes it in again rather than skip content it never
        // read. Only a file ingest reads (`corpus/telemetry/`) is hashed: for any other the hash
        // would never be asked for, and a pilot export of millions of readings would be read
        // through twice.
        let folder = workspace.telemetryFolder.standardizedFileURL.path + "/"
        var file: TelemetryFileState?
        if url.standardizedFileURL.path.hasPrefix(folder) {
            let stamp = FileStamps.stamp(of: url)
            file = TelemetryFileState(contentHash: try ContentHash.of(file: url, path: workspace.relativePath(of: url)), stamp: stamp)
        }
        return try await importFile(url, file: file, rules: try await rules(), now: now)
    }

    /// One file under `rules`; the store keeps `file` (hash and stamp) with the import once it is complete.
    func importFile(_ url: URL, file: TelemetryFileState?, rules: Rules, now: Date = Date()) async throws -> TelemetryImportReport {
        let (participants, registry) = (rules.participants, rules.registry)
        let path = workspace.relativePath(of: url)
        if try Self.isCSV(url, path: path) {
            let reader = TelemetryCSVReader(path: path)
            // Read through once before writing: a bad line must not leave half a file behind
            // even for the moment before the store takes it back.
            var checked: [UInt8] = []
            try reader.read(url) { row in
                guard !Self.same(row.metric, checked) || checked.isEmpty else { return }
                try Self.checkMetric(row.metric, path: reader.path, line: row.line)
                checked = Array(row.metric)
            }
            let imported = try await store.importTelemetry(source: path, file: file,
                                                           devices: registry.devices) { writer in
                let session = TelemetryImportSession(registry: registry, participants: participants, writer: writer,
                                                     report: TelemetryImportReport(file: path, format: .csv))
                try Self.readCSV(reader, url, into: session)
                return session
            }
            return imported.result.report(stored: imported.stored)
        }
        let records = try SenMLFile.records(try SourceText.load(url, path: path), path: path, now: now)
        let imported = try await store.importTelemetry(source: path, file: file,
                                                       devices: registry.devices) { writer in
            let session = TelemetryImportSession(registry: registry, participants: participants, writer: writer,
                                                 report: TelemetryImportReport(file: path, format: .senml))
            for (index, record) in records.enumerated() {
                guard let (device, metric) = registry.split(senMLName: record.name),
                      let slot = session.slot(for: device, key: device.name) else {
                    session.unknownDevice(record.name, at: "\(path): record at index \(index)")
                    continue
                }
                let value: Double?
                switch record.value {
                case .number(let number)?: value = number
                case .bool(let flag)?: value = flag ? 1 : 0
                case .string?, .data?: session.notNumeric(); continue
                case nil: value = nil
                }
                // The resolver refused times outside UTCTime's range, so this cannot be nil.
                guard let time = UTCTime.milliseconds(seconds: record.time) else { continue }
                try session.add(slot, metric: try session.metric(metric, unit: record.unit),
                                time: time, value: value, sum: record.sum)
            }
            return session
        }
        return imported.result.report(stored: imported.stored)
    }

    private static func readCSV(_ reader: TelemetryCSVReader, _ url: URL, into session: TelemetryImportSession) throws {
        // Rows of one device and metric come in runs; strings are made only when a run changes.
        var lastDevice: [UInt8] = [], lastSlot: TelemetryImportSession.Slot?
        var lastMetric: [UInt8] = [], lastUnit: [UInt8] = [], lastMetricID: Int64 = 0
        try reader.read(url) { row in
            if lastSlot == nil || !Self.same(row.device, lastDevice) {
                lastDevice = Array(row.device)
                lastSlot = session.slot(forKey: String(decoding: row.device, as: UTF8.self))
            }
            guard let slot = lastSlot else {
                session.unknownDevice(String(decoding: row.device, as: UTF8.self), at: "\(reader.path):\(row.line)")
                return
            }
            if lastMetric.isEmpty || !Self.same(row.metric, lastMetric) || !Self.same(row.unit, lastUnit) {
                let name = try checkMetric(row.metric, path: reader.path, line: row.line)
                lastMetricID = try session.metric(name, unit: String(decoding: row.unit, as: UTF8.self))
                lastMetric = Array(row.metric)
                lastUnit = Array(row.unit)
            }
            try session.add(slot, metric: lastMetricID, time: row.time, value: row.value, sum: nil)
        }
    }

    @discardableResult
    static func checkMetric(_ bytes: UnsafeBufferPointer<UInt8>, path: String, line: Int) throws -> String {
        let name = String(decoding: bytes, as: UTF8.self)
        guard SenMLName.isValid(name) else {
            throw SourceProblem(file: path, line: line, "metric '\(name)' must use only A-Z a-z 0-9 - : . / _")
        }
        return name
    }

    /// Byte equality with memcmp: the generic `elementsEqual` showed in profiles at 10 million rows.
    private static func same(_ bytes: UnsafeBufferPointer<UInt8>, _ array: [UInt8]) -> Bool {
        guard bytes.count == array.count else { return false }
        guard let base = bytes.baseAddress, !array.isEmpty else { return true }
        return array.withUnsafeBufferPointer { memcmp(base, $0.baseAddress!, bytes.count) == 0 }
    }

    /// By extension; otherwise by content (a SenML pack starts with `[`).
    static func isCSV(_ url: URL, path: String) throws -> Bool {
        switch url.pathExtension.lowercased() {
        case "csv": return true
        case "json", "senml": return false
        default:
            let handle = try SourceText.open(url, path: path)
            defer { try? handle.close() }
            let head = try handle.read(upToCount: 512) ?? Data()
            return head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } != 0x5B
        }
    }
}
