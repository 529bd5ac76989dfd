import FieldworkCore
import Foundation

/// The pilot's devices, found by pseudonym or by the hardware id they report.
public struct DeviceRegistry: Sendable {
    public let devices: [TelemetryDevice]
    private let byKey: [String: TelemetryDevice]

    public init(devices: [TelemetryDevice]) {
        self.devices = devices
        var byKey: [String: TelemetryDevice] = [:]
        for device in devices {
            byKey[device.name] = device
            if let hardware = device.hardwareID { byKey[hardware] = device }
        }
        self.byKey = byKey
    }

    public func device(forKey key: String) -> TelemetryDevice? { byKey[key] }

    /// The metric name used when a SenML name is just the device, as in RFC 8428's first example.
    public static let defaultMetric = "value"

    /// Splits a resolved SenML name into its device and metric: the longest device key that is
    /// the whole name, or is followed by `:`, `/` or `.` (`urn:dev:mac:0024befffe804ff1:temp`,
    /// `r01-door-hall/open`).
    public func split(senMLName name: String) -> (device: TelemetryDevice, metric: String)? {
        if let device = byKey[name] { return (device, Self.defaultMetric) }
        let bytes = Array(name.utf8)
        for cut in bytes.indices.reversed() where [0x3A, 0x2F, 0x2E].contains(bytes[cut]) && cut + 1 < bytes.count {
            let key = String(decoding: bytes[..<cut], as: UTF8.self)
            if let device = byKey[key] { return (device, String(decoding: bytes[(cut + 1)...], as: UTF8.self)) }
        }
        return nil
    }

    /// Reads `corpus/devices.yaml` (none: no devices), checking solutions and participants.
    public static func load(_ workspace: Workspace, catalogue: SolutionCatalogue, participants: [Participant]) throws -> DeviceRegistry {
        let url = workspace.devicesFile
        guard FileManager.default.fileExists(atPath: url.path) else { return DeviceRegistry(devices: []) }
        let source = try SourceText.read(url, path: workspace.relativePath(of: url))
        return DeviceRegistry(devices: try DeviceRegistryParser.parse(
            source, solutions: Set(catalogue.solutions.map(\.id)), participants: Set(participants.map(\.id))))
    }
}
