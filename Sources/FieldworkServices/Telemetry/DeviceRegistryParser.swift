import FieldworkCore
import Yams

/// Reads `corpus/devices.yaml`: each device's pseudonym (`id`), the hardware id it reports
/// (`hardware`, optional), its catalogue `solution` and its `participant`.
struct DeviceRegistryParser {
    static let deviceKeys: Set<String> = ["id", "hardware", "solution", "participant", "notes"]

    static func parse(_ source: SourceText, solutions: Set<String>, participants: Set<String>) throws -> [TelemetryDevice] {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var devices: [TelemetryDevice] = []
        var firstLine: [String: Int] = [:]
        let top = reader.mapping(root, allowed: ["devices"], what: "devices.yaml") ?? [:]
        switch top["devices"] {
        case .sequence(let items)?:
            for item in items {
                guard let device = parseDevice(item, solutions: solutions, participants: participants, &reader) else { continue }
                let line = reader.line(of: item)
                for key in [device.name, device.hardwareID].compactMap({ $0 }) {
                    if let first = firstLine[key] {
                        reader.report(line: line, "'\(key)' names two devices (first on line \(first))")
                    }
                    firstLine[key] = line
                }
                devices.append(device)
            }
        case let other?:
            if !other.isNull { reader.report(other, "'devices' must be a list") }
        case nil:
            break
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return devices
    }

    private static func parseDevice(
        _ node: Node, solutions: Set<String>, participants: Set<String>, _ reader: inout YAMLReader
    ) -> TelemetryDevice? {
        guard let entries = reader.mapping(node, allowed: deviceKeys, what: "a device") else { return nil }
        let id = reader.string(entries, "id", in: node, required: true)
        let hardware = reader.string(entries, "hardware", in: node)
        let solution = reader.string(entries, "solution", in: node, required: true)
        let participant = reader.string(entries, "participant", in: node, required: true)
        // Both are matched against SenML names, so they must be valid SenML names themselves.
        for (key, value) in [("id", id), ("hardware", hardware)] {
            if let value, !SenMLName.isValid(value) {
                reader.report(entries[key], "\(key) '\(value)' must start with a letter or digit and use only A-Z a-z 0-9 - : . / _")
            }
        }
        if let solution, !solutions.contains(solution) {
            reader.report(entries["solution"], "unknown solution '\(solution)' (not in codebooks/solutions.yaml)")
        }
        if let participant, !participants.contains(participant) {
            reader.report(entries["participant"], "unknown participant '\(participant)' (not in corpus/participants.yaml)")
        }
        guard let id, let solution, let participant else { return nil }
        return TelemetryDevice(name: id, hardwareID: hardware, solutionID: solution, participantID: participant,
                               source: SourceLocation(file: reader.file, line: reader.line(of: node)))
    }
}
