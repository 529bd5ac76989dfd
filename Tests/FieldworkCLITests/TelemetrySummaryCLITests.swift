import Foundation
import Testing

/// `telemetry summary` counts days in the study's time zone (issue 13 part 3): Europe/Stockholm
/// unless fieldwork.yaml or --time-zone says otherwise.
@Suite struct TelemetrySummaryCLITests {
    @Test func daysAreTheStudysUnlessAskedOtherwise() async throws {
        // Without the pilot's readings (ingest takes them in): the days are those of late.csv.
        let root = try CLIRunner.sampleWorkspaceCopy(telemetry: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let readings = root.appending(path: "late.csv")
        // 23:30 UTC on 1 August is 01:30 on 2 August in Stockholm (summer time).
        try "device,time,metric,value,unit\nr01-plug-kettle,2025-08-01T12:00:00Z,power,100,W\nr01-plug-kettle,2025-08-01T23:30:00Z,power,300,W\n"
            .write(to: readings, atomically: true, encoding: .utf8)
        let imported = try await cli.run("telemetry", "import", readings.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        func days(_ arguments: String...) async throws -> [String] {
            let result = try await cli.run(["telemetry", "summary", "--device", "r01-plug-kettle", "--no-events", "--json"] + arguments)
            let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
            return (summary["rows"] as? [[String: Any]] ?? []).compactMap { $0["start"] as? String }
        }
        #expect(try await days() == ["2025-08-01", "2025-08-02"])
        #expect(try await days("--time-zone", "UTC") == ["2025-08-01"])
        try "telemetry:\n  time_zone: UTC\n".write(to: root.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        #expect(try await days() == ["2025-08-01"])
        try "telemetry:\n  time_zone: Mars/Olympus\n".write(to: root.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        let bad = try await cli.run("telemetry", "summary")
        #expect(bad.status != 0 && bad.stderr.contains("fieldwork.yaml:2") && bad.stderr.contains("unknown time zone 'Mars/Olympus'"))
    }

    /// The table wrote whole numbers without decimals and others with three ("71" beside
    /// "62.900"): each measure now has one number of decimals in every row and column, while
    /// `--json` keeps the numbers as they are.
    @Test func eachMeasureHasOneNumberOfDecimalsInTheTable() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let imported = try await cli.run("telemetry", "import", root.appending(path: "corpus/telemetry/pilot-2025-08.csv").path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let table = try await cli.run("telemetry", "summary", "--no-events", "--time-zone", "UTC")
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        #expect(rows.count > 5)
        var decimals: [String: Set<Int>] = [:]
        for row in rows {
            for number in row.suffix(3) {
                let places = number.split(separator: ".", omittingEmptySubsequences: false)
                #expect(places.count == 2, "\(number) in \(row)")
                decimals[String(row[2]), default: []].insert(places.last?.count ?? 0)
            }
        }
        #expect(decimals.keys.contains("power") && decimals.keys.contains("steps"), "\(decimals)")
        // Whole readings (steps, watts, minutes) are written with one decimal, for their means.
        #expect(decimals.values.allSatisfy { $0 == [1] }, "\(decimals)")
        let json = try #require(try await cli.json("telemetry", "summary", "--no-events", "--time-zone", "UTC") as? [String: Any])
        let means = (json["rows"] as? [[String: Any]] ?? []).compactMap { $0["mean"] as? Double }
        #expect(means.count == rows.count, "--json keeps numbers, not strings")
    }

    /// A reading too large for a Double (valid JSON) was refused at the end of the file in Swift's
    /// words (`FILE:6:1: not valid JSON: number 1e400 is not representable in Swift`); one that
    /// fits (1e300) was printed by `summary` as 301 digits (found by a new user).
    @Test func hugeNumbersAreNamedWhereTheyStandAndPrintedInExponentForm() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(telemetry: false)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let pack = root.appending(path: "huge.senml.json")
        func write(_ first: String, _ second: String) throws {
            // The digits of the base name are in a string: not taken for the number.
            try "[{\"bn\":\"urn:dev:mac:0024befffe80a2c7:\",\"bt\":1754049600,\"bu\":\"W\",\"n\":\"power\",\"v\":\(first)},\n {\"n\":\"power\",\n  \"v\":\(second), \"t\":3600}\n]\n"
                .write(to: pack, atomically: true, encoding: .utf8)
        }
        try write("12.5", "1e400")
        let refused = try await cli.run("telemetry", "import", pack.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("huge.senml.json:3:7: number 1e400 is out of range"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Swift"), "\(refused.stderr)")
        try write("12.5", "-1e400")
        #expect(try await cli.run("telemetry", "import", pack.path).stderr.contains("huge.senml.json:3:7: number -1e400 is out of range"))
        try write("1e300", "0.0004")
        let imported = try await cli.run("telemetry", "import", pack.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let table = try await cli.run("telemetry", "summary", "--device", "r01-plug-kettle", "--no-events", "--time-zone", "UTC")
        #expect(table.status == 0, "\(table.stderr)")
        let row = try #require(table.stdout.split(separator: "\n").last { $0.contains("power") })
        let numbers = row.split(separator: " ").suffix(3)
        #expect(numbers == ["4.000e-04", "1.000e+300", "5.000e+299"], "\(table.stdout)")
    }
}
