import FieldworkCore
import FieldworkServices
import Foundation

/// A temporary workspace with a small catalogue, three devices and participants whose
/// telemetry consent is given (R14), withdrawn on 2025-09-01 (R16) and missing (R15).
enum TelemetryFixture {
    static let participants = """
        participants:
          - id: R14
            role: resident
            administrations: [social, care]
            consents:
              - {id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}
          - id: R15
            role: relative
            consents:
              - {id: c-r15, date: 2025-02-01, scopes: [interview]}
          - id: R16
            role: resident
            administrations: [labour]
            consents:
              - {id: c-r16, date: 2025-03-04, scopes: [telemetry], withdrawn: 2025-09-01}
        """

    static let solutions = """
        solutions:
          - id: door-sensor
            name: Door sensor
            description: A contact on the front door.
            metrics:
              - {name: open, signal: door}
            cost_to_resident: none
            competence: none
            administrations: [care]
          - id: smart-plug
            name: Smart plug
            description: Power drawn by the kettle.
            metrics:
              - {name: power, unit: W, signal: activity}
            cost_to_resident: none
            competence: none
        """

    static let devices = """
        devices:
          - {id: r14-door, hardware: "urn:dev:mac:0024befffe804ff1", solution: door-sensor, participant: R14}
          - {id: r14-plug, solution: smart-plug, participant: R14}
          - {id: r15-plug, solution: smart-plug, participant: R15}
          - {id: r16-plug, solution: smart-plug, participant: R16}
        """

    static func workspace() async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace(participants: participants)
        try workspace.write("codebooks/solutions.yaml", solutions)
        try workspace.write("corpus/devices.yaml", devices)
        try await workspace.ingest()
        return workspace
    }

    static func importFile(_ workspace: TemporaryWorkspace, _ name: String, _ text: String, now: Date = Date()) async throws -> TelemetryImportReport {
        try workspace.write("corpus/telemetry/\(name)", text)
        return try await workspace.context.telemetryImport.importFile(workspace.root.appending(path: "corpus/telemetry/\(name)"), now: now)
    }
}
