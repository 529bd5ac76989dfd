import FieldworkCore

/// The checks every reading passes on its way into the store, whatever file it came from:
/// a known device, a participant whose telemetry consent covers the reading's day.
final class TelemetryImportSession {
    struct Slot {
        let name: String
        let id: Int64
        let participant: String
        /// The device's type (its catalogue solution): a consent may cover only some types.
        let solution: String
    }

    private let registry: DeviceRegistry
    private var gate: TelemetryConsentGate
    private let writer: any TelemetryWriter
    private var report: TelemetryImportReport
    /// Readings passed to the store; those it did not store were already there.
    private var offered = 0
    private var slots: [String: Slot] = [:]
    // The last decision: an import asks about the same device and day thousands of times in a row.
    private var lastDecision: (device: Int64, day: Int64, decision: TelemetryConsentGate.Decision)?

    init(registry: DeviceRegistry, participants: [Participant], writer: any TelemetryWriter, report: TelemetryImportReport) {
        self.registry = registry
        gate = TelemetryConsentGate(participants: participants)
        self.writer = writer
        self.report = report
    }

    /// The device a name in the file stands for (pseudonym or hardware id); nil and counted if none.
    func slot(forKey key: String) -> Slot? {
        if let slot = slots[key] { return slot }
        guard let device = registry.device(forKey: key) else { return nil }
        return slot(for: device, key: key)
    }

    func slot(for device: TelemetryDevice, key: String) -> Slot? {
        if let slot = slots[key] { return slot }
        guard let id = writer.deviceID(named: device.name) else { return nil }
        let slot = Slot(name: device.name, id: id, participant: device.participantID, solution: device.solutionID)
        slots[key] = slot
        return slot
    }

    /// A reading of a device the registry does not know, counted; `place` (made only for the
    /// first of a name) says where it is in the file.
    func unknownDevice(_ key: String, at place: @autoclosure () -> String) {
        report.records += 1
        report.unknownDevices[key, default: 0] += 1
        if report.unknownDeviceFirstAt[key] == nil { report.unknownDeviceFirstAt[key] = place() }
    }

    func notNumeric() {
        report.records += 1
        report.notNumeric += 1
    }

    func metric(_ name: String, unit: String?) throws -> Int64 {
        try writer.metricID(name: name, unit: unit?.isEmpty == true ? nil : unit)
    }

    func add(_ slot: Slot, metric: Int64, time: Int64, value: Double?, sum: Double?) throws {
        report.records += 1
        let day = UTCTime.day(time)
        let decision: TelemetryConsentGate.Decision
        if let last = lastDecision, last.device == slot.id, last.day == day {
            decision = last.decision
        } else {
            decision = gate.decide(participant: slot.participant, solution: slot.solution, day: day)
            lastDecision = (slot.id, day, decision)
        }
        if case .refused(let reason) = decision {
            report.refusedByConsent[reason, default: 0] += 1
            return
        }
        try writer.insert(device: slot.id, metric: metric, time: time, value: value, sum: sum)
        offered += 1
    }

    /// The report once the store has said how many readings it stored (a store that buffers
    /// learns which were already there only when it writes them, after the file is read).
    func report(stored: Int) -> TelemetryImportReport {
        var report = report
        report.stored = stored
        report.alreadyStored = offered - stored
        return report
    }
}
