import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct TelemetryImportTests {
    @Test func aSenMLPackIsResolvedAndStoredUnderThePseudonymOnly() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let now = Date(timeIntervalSince1970: 1_756_700_000)
        let pack = """
            [{"bver": 10, "bn": "urn:dev:mac:0024befffe804ff1:", "n": "open", "vb": true, "t": -120},
             {"n": "open", "vb": false, "t": -60, "x-vendor": 7},
             {"bn": "r14-plug/", "bt": 1756684800, "bu": "W", "bv": 1000, "n": "power", "v": 850.5},
             {"n": "power", "t": 60, "v": -1000}]
            """
        let report = try await TelemetryFixture.importFile(workspace, "pack.senml.json", pack, now: now)
        #expect(report.format == .senml && report.records == 4 && report.stored == 4 && report.refused == 0)
        let door = try await workspace.store.telemetryReadings(device: "r14-door", metrics: nil, from: nil, to: nil)
        #expect(door.map(\.time) == [1_756_699_880_000, 1_756_699_940_000])
        #expect(door.map(\.value) == [1, 0])
        #expect(door.allSatisfy { $0.unit == nil })
        let plug = try await workspace.store.telemetryReadings(device: "r14-plug", metrics: ["power"], from: nil, to: nil)
        #expect(plug.map(\.value) == [1850.5, 0])
        #expect(plug.map(\.time) == [1_756_684_800_000, 1_756_684_860_000])
        #expect(plug.allSatisfy { $0.unit == "W" })
        // The hardware id never reaches the database file.
        let stateFiles = try FileManager.default.contentsOfDirectory(atPath: workspace.context.workspace.stateDirectory.path)
        for file in stateFiles {
            let bytes = try Data(contentsOf: workspace.context.workspace.stateDirectory.appending(path: file))
            #expect(bytes.range(of: Data("0024befffe804ff1".utf8)) == nil, "\(file)")
        }
    }

    @Test func consentIsCheckedPerReadingWithTheWithdrawalDayRefused() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let csv = """
            device, time, metric, value, unit
            r16-plug,2025-08-31T23:59:59Z,power,10,W
            r16-plug,2025-09-01T00:00:00Z,power,20,W
            r16-plug,2025-09-02T08:00:00+02:00,power,30,W
            r15-plug,2025-08-31T10:00:00Z,power,5,W
            r14-plug,1756684800,power,true,W
            nobody-plug,2025-08-31T10:00:00Z,power,5,W
            """
        let report = try await TelemetryFixture.importFile(workspace, "consent.csv", csv)
        #expect(report.records == 6)
        #expect(report.stored == 2)
        #expect(report.refusedByConsent == ["R16 withdrew telemetry consent on 2025-09-01": 2, "R15 has no consent to telemetry": 1])
        #expect(report.unknownDevices == ["nobody-plug": 1])
        let kept = try await workspace.store.telemetryReadings(device: "r16-plug", metrics: nil, from: nil, to: nil)
        #expect(kept.map(\.value) == [10])
        #expect(try await workspace.store.telemetryReadings(device: "r14-plug", metrics: nil, from: nil, to: nil).map(\.value) == [1])
    }

    @Test func importingTheSameFileTwiceStoresItOnce() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let csv = "device,time,metric,value,unit\nr14-plug,2025-08-31T10:00:00Z,power,5,W\nr14-plug,2025-08-31T11:00:00Z,power,7,W\n"
        _ = try await TelemetryFixture.importFile(workspace, "a.csv", csv)
        let again = try await TelemetryFixture.importFile(workspace, "a.csv", csv)
        #expect(again.stored == 0 && again.alreadyStored == 2)
        #expect(try await workspace.store.telemetryReadingCount() == 2)
        let days = try await workspace.store.telemetryDays(devices: nil)
        #expect(days.map(\.count) == [2])
    }

    @Test func aMalformedSenMLPackIsRefusedWholeWithTheRecordIndex() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let cases: [(String, String)] = [
            (#"[{"bn":"r14-plug/","n":"power","v":1,"t":1756684800},{"n":"power","v":2,"t":1756684860},{"n":"power","v":"3"}]"#,
             "record at index 2: 'v' must be a number"),
            (#"[{"bn":"r14-plug/","n":"power","v":1},{"n":"power","v":2,"crit_":1}]"#,
             "record at index 1: label 'crit_' ends in '_'"),
            (#"[{"bver":11,"bn":"r14-plug/","n":"power","v":1}]"#, "record at index 0: bver 11 is newer"),
            (#"[{"bn":"r14-plug/","n":"power","v":1},{"n":"power","v":2,"vb":true}]"#, "record at index 1: more than one value field"),
            (#"[{"bn":"r14 plug/","n":"power","v":1}]"#, "record at index 0: name 'r14 plug/power' must start"),
            (#"{"bn":"r14-plug/"}"#, "a SenML pack must be a JSON array of records"),
            // Times beyond Int64 milliseconds trapped the process (exit 132).
            (#"[{"bn":"r14-plug/","n":"power","v":1,"t":1756684800},{"n":"power","v":2,"t":1e16}]"#,
             "record at index 1: time 1e+16 s (base time plus t, relative times plus now) is outside the years 0000 to 9999"),
            (#"[{"bn":"r14-plug/","n":"power","v":1,"t":-1e16}]"#, "is outside the years 0000 to 9999"),
            (#"[{"bn":"r14-plug/","bt":1e300,"n":"power","v":1}]"#, "record at index 0: time 1e+300 s"),
        ]
        for (pack, message) in cases {
            await #expect {
                _ = try await TelemetryFixture.importFile(workspace, "bad.json", pack)
            } throws: { error in
                "\(error)".hasPrefix("corpus/telemetry/bad.json: ") && "\(error)".contains(message)
            }
        }
        #expect(try await workspace.store.telemetryReadingCount() == 0)
    }

    /// JSON syntax errors say where: line and column (JSONDecoder alone gives no position).
    @Test func aSenMLSyntaxErrorNamesLineAndColumn() async throws {
        let workspace = try await TelemetryFixture.workspace()
        let cases: [(String, String)] = [
            ("[{\"bn\":\"r14-plug/\",\"n\":\"power\",\"v\":1},\n {\"n\":\"power\",\"v\": tru}]",
             "corpus/telemetry/bad.json:2:"),
            ("[{\"bn\":\"r14-plug/\",\"n\":\"power\",\"v\":1},", "corpus/telemetry/bad.json:1:"),
        ]
        for (pack, prefix) in cases {
            await #expect {
                _ = try await TelemetryFixture.importFile(workspace, "bad.json", pack)
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix(prefix) && text.contains(": not valid JSON") && !text.contains("\n")
            }
        }
        #expect(try await workspace.store.telemetryReadingCount() == 0)
    }

    @Test func aMalformedCSVIsRefusedWholeWithItsLine() async throws {
        let workspace = try await TelemetryFixture.workspace()
        var csv = "device,time,metric,value,unit\n"
        for minute in 0..<5 { csv += "r14-plug,2025-08-31T10:0\(minute):00Z,power,\(minute),W\n" }
        let problems: [(String, String)] = [
            ("r14-plug,2025-08-31T10:09:00,power,1,W", "time '2025-08-31T10:09:00' is not an RFC 3339 time with a zone"),
            ("r14-plug,2025-08-31T10:09:00Z,power,lots,W", "value 'lots' is not a number"),
            ("r14-plug,2025-08-31T10:09:00Z,power,1", "expected 5 fields"),
            ("r14-plug,12,power,1,W", "time '12' is out of range"),
            ("r14-plug,1e16,power,1,W", "time '1e16' is out of range: Unix seconds must be from 268435456"),
            ("r14-plug,-1e16,power,1,W", "time '-1e16' is out of range"),
        ]
        for (line, message) in problems {
            await #expect {
                _ = try await TelemetryFixture.importFile(workspace, "bad.csv", csv + line + "\nr14-plug,2025-08-31T11:00:00Z,power,1,W\n")
            } throws: { error in
                "\(error)".hasPrefix("corpus/telemetry/bad.csv:7: ") && "\(error)".contains(message)
            }
        }
        await #expect(throws: SourceProblem.self) {
            _ = try await TelemetryFixture.importFile(workspace, "header.csv", "device,when,metric,value,unit\n")
        }
        // The five good rows before each bad line were rolled back with it.
        #expect(try await workspace.store.telemetryReadingCount() == 0)
        #expect(try await workspace.store.telemetryDays(devices: nil).isEmpty)
    }

    @Test func theSampleFilesImportWithTheSampleConsents() async throws {
        let fixture = try await TemporaryWorkspace(participants: try String(contentsOf: Self.repository.appending(path: "corpus/participants.yaml"), encoding: .utf8))
        for file in ["codebooks/solutions.yaml", "corpus/devices.yaml"] {
            try fixture.write(file, try String(contentsOf: Self.repository.appending(path: file), encoding: .utf8))
        }
        try await fixture.ingest()
        #expect(try await fixture.context.solutionsCheck.run().problems.isEmpty)
        let senml = try await fixture.context.telemetryImport.importFile(Self.repository.appending(path: "corpus/telemetry/pilot-2025-08.senml.json"))
        #expect(senml.stored > 0 && senml.refusedByConsent.keys.sorted() == ["R03 withdrew telemetry consent on 2025-09-01"])
        let csv = try await fixture.context.telemetryImport.importFile(Self.repository.appending(path: "corpus/telemetry/pilot-2025-08.csv"))
        #expect(csv.stored > 0 && csv.refusedByConsent.keys.sorted() == ["R04 has no consent to telemetry"])
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
}
