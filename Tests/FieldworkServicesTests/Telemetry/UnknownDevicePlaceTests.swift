import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// `fieldwork telemetry import` said how many readings of an unknown device it left out but not
/// where they are (found by a new user): each unknown device is named like the import's errors,
/// with the file and the CSV line or SenML record index of its first reading.
@Suite struct UnknownDevicePlaceTests {
    @Test func aCSVsUnknownDeviceIsNamedWithTheLineOfItsFirstReading() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let csv = """
            device,time,metric,value,unit
            r14-plug,2025-08-31T10:00:00Z,power,5,W
            r41-plug,2025-08-31T10:01:00Z,power,6,W
            r14-plug,2025-08-31T10:02:00Z,power,7,W
            r41-plug,2025-08-31T10:03:00Z,power,8,W
            nobody,2025-08-31T10:04:00Z,power,9,W
            """
        let report = try await TelemetryFixture.importFile(workspace, "typo.csv", csv)
        #expect(report.stored == 2 && report.unknownDevices == ["r41-plug": 2, "nobody": 1])
        #expect(report.lines.contains("  not imported 2: corpus/telemetry/typo.csv:3: 'r41-plug' matches no device in corpus/devices.yaml (the first of its 2 readings)"),
                "\(report.lines)")
        #expect(report.lines.contains("  not imported 1: corpus/telemetry/typo.csv:6: 'nobody' matches no device in corpus/devices.yaml"),
                "\(report.lines)")
    }

    @Test func aSenMLPacksUnknownDeviceIsNamedWithTheIndexOfItsFirstRecord() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let pack = """
            [{"bn": "r14-plug/", "bt": 1756684800, "n": "power", "v": 1},
             {"bn": "r41-plug/", "n": "power", "v": 2, "t": 60},
             {"n": "power", "v": 3, "t": 120}]
            """
        let report = try await TelemetryFixture.importFile(workspace, "typo.senml.json", pack)
        #expect(report.stored == 1 && report.unknownDevices == ["r41-plug/power": 2])
        #expect(report.lines.contains("  not imported 2: corpus/telemetry/typo.senml.json: record at index 1: 'r41-plug/power' matches no device in corpus/devices.yaml (the first of its 2 readings)"),
                "\(report.lines)")
    }
}
