import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A telemetry consent narrowed by an amendment to some device types: the amendment was recorded
/// (and shown in `consent status` and the audit) but only the types as first given were checked,
/// so a smart plug's readings still went in, and out in exports, after the resident had limited
/// the consent to the door sensor. The types in force on a reading's day now decide.
@Suite struct AmendedDeviceConsentTests {
    /// R14's consent to both device types, given on 2025-02-01, then `amendments` (event lines).
    static func r14(_ amendments: String = "") -> String {
        """
        participants:
          - id: R14
            role: resident
            consents:
              - id: c-r14
                scopes: [interview, "telemetry:door-sensor", "telemetry:smart-plug"]
                events:
                  - {event: given, date: 2025-02-01, by: Anna, how: signed form}

        """ + amendments
    }

    static let participants = r14("""
                  - {event: amended, date: 2025-06-01, by: Anna, how: phone, scopes: [interview, "telemetry:door-sensor"]}
                  - {event: amended, date: 2025-09-01, by: Anna, how: visit, scopes: [interview, "telemetry:door-sensor", "telemetry:smart-plug"]}
          - id: R16
            role: resident
            consents:
              - id: c-r16
                scopes: [interview, "telemetry:door-sensor"]
                events:
                  - {event: given, date: 2025-02-01, by: Bo, how: signed form}
                  - {event: amended, date: 2025-07-01, by: Bo, how: phone, scopes: [interview, "telemetry:door-sensor", "telemetry:smart-plug"]}

        """)

    static let csv = """
        device,time,metric,value,unit
        r14-plug,2025-05-31T12:00:00Z,power,1,W
        r14-plug,2025-06-01T12:00:00Z,power,2,W
        r14-plug,2025-08-31T12:00:00Z,power,3,W
        r14-plug,2025-09-01T12:00:00Z,power,4,W
        r14-door,2025-07-01T12:00:00Z,open,1,
        r16-plug,2025-06-30T12:00:00Z,power,5,W
        r16-plug,2025-07-01T12:00:00Z,power,6,W
        """

    @Test func onlyTheDeviceTypesInForceOnAReadingsDayLetItIn() async throws {
        let workspace = try await TemporaryWorkspace(participants: Self.participants)
        try workspace.write("codebooks/solutions.yaml", TelemetryFixture.solutions)
        try workspace.write("corpus/devices.yaml", """
            devices:
              - {id: r14-door, solution: door-sensor, participant: R14}
              - {id: r14-plug, solution: smart-plug, participant: R14}
              - {id: r16-plug, solution: smart-plug, participant: R16}
            """)
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty, "\(summary.problems)")
        let report = try await TelemetryFixture.importFile(workspace, "amended.csv", Self.csv)
        #expect(report.records == 7 && report.stored == 4, "\(report)")
        #expect(report.refusedByConsent == [
            "R14 withdrew telemetry consent for smart-plug devices on 2025-06-01": 2,
            "R16 had not consented to telemetry from smart-plug devices by 2025-06-30": 1,
        ])
        let plug = try await workspace.store.telemetryReadings(device: "r14-plug", metrics: nil, from: nil, to: nil)
        #expect(plug.map(\.value) == [1, 4])
        #expect(try await workspace.store.telemetryReadings(device: "r14-door", metrics: nil, from: nil, to: nil).count == 1)
        #expect(try await workspace.store.telemetryReadings(device: "r16-plug", metrics: nil, from: nil, to: nil).map(\.value) == [6])
        // `consent status` names the types in force that day.
        let r14 = try #require(try await workspace.store.participants().first { $0.id == "R14" })
        #expect(ConsentStatus(r14, on: "2025-07-01").telemetryDevices == ["door-sensor"])
        #expect(ConsentStatus(r14, on: "2025-09-01").telemetryDevices == ["door-sensor", "smart-plug"])
    }

    /// Readings stored before an amendment was recorded: the export applies the types in force
    /// on each reading's day, and counts the narrowed days as withdrawn.
    @Test func anExportLeavesOutReadingsOfATypeAnAmendmentRecordedLaterTookOut() async throws {
        let given = Self.r14()
        let workspace = try await TemporaryWorkspace(participants: given)
        try workspace.write("codebooks/solutions.yaml", TelemetryFixture.solutions)
        try workspace.write("corpus/devices.yaml", "devices:\n  - {id: r14-plug, solution: smart-plug, participant: R14}\n")
        try await workspace.ingest()
        let report = try await TelemetryFixture.importFile(workspace, "plug.csv", """
            device,time,metric,value,unit
            r14-plug,2025-05-31T12:00:00Z,power,1,W
            r14-plug,2025-06-02T12:00:00Z,power,2,W
            """)
        #expect(report.stored == 2)
        #expect(try await TelemetryExport(store: workspace.store).render().readings == 2)

        try workspace.write("corpus/participants.yaml", Self.r14("""
                      - {event: amended, date: 2025-06-01, by: Anna, how: phone, scopes: [interview, "telemetry:door-sensor"]}

            """))
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty, "\(summary.problems)")
        let export = try await TelemetryExport(store: workspace.store).render()
        #expect(export.readings == 1)
        #expect(export.csv.contains("2025-05-31T12:00:00.000Z") && !export.csv.contains("2025-06-02"), "\(export.csv)")
        #expect(export.metadata.withheld.map(\.byReason) == [[ConsentRule.Reason.withdrawn.rawValue: 1]], "\(export.metadata)")
    }
}
