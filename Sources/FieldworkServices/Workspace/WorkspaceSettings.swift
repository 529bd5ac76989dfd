import FieldworkCore
import FieldworkPostgres
import Foundation
import Yams

/// `fieldwork.yaml` at the workspace root: settings the team shares. The file is optional.
///
/// ```yaml
/// interface_language: sv   # the browser interface's default language (en or sv)
/// publication:
///   min_count: 5           # counts of fewer participants are shown as "< 5" with --for-publication
/// server:
///   allowed_hosts: [fieldwork.example.org]   # names a TLS reverse proxy serves the workbench under
/// telemetry:
///   time_zone: Europe/Stockholm   # the study's days and nights (default Europe/Stockholm)
///   inactivity_hours: {default: 12, motion-sensor: 8}   # per device type (solution id)
/// store: postgresql://fieldwork@db.example/study   # a team server's PostgreSQL (password: PGPASSWORD)
/// ```
public struct WorkspaceSettings: Sendable, Hashable {
    public static let fileName = "fieldwork.yaml"
    public static let interfaceLanguages = ["en", "sv"]

    public var smallCells = SmallCells()
    /// The language the browser interface speaks when a browser asks for none of ours.
    public var interfaceLanguage: String?
    /// Host names a TLS-terminating reverse proxy serves the workbench under (`server.allowed_hosts`).
    public var allowedHosts: [String] = []
    /// The study's time zone: the days of charts, summaries and the report, and its nights.
    public var timeZone = WorkspaceSettings.defaultTimeZone
    /// No activity for this long is an event, per device type.
    public var inactivity = InactivityThresholds.defaults

    public static let defaultTimeZone = TimeZone(identifier: "Europe/Stockholm")!
    /// A PostgreSQL database to use instead of the workspace's SQLite file (`store:`).
    public var store: String?

    public init(smallCells: SmallCells = SmallCells(), interfaceLanguage: String? = nil) {
        self.smallCells = smallCells
        self.interfaceLanguage = interfaceLanguage
    }

    /// One parser for every key, so that each problem names the file and its line.
    static func parse(_ source: SourceText) throws -> WorkspaceSettings {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var settings = WorkspaceSettings()
        if root.isNull { return settings }
        let top = reader.mapping(root, allowed: ["publication", "interface_language", "server", "telemetry", "store"], what: fileName) ?? [:]
        if let node = top["server"], let server = reader.mapping(node, allowed: ["allowed_hosts"], what: "server") {
            settings.allowedHosts = reader.strings(server, "allowed_hosts").map(\.value)
        }
        if let node = top["publication"], let publication = reader.mapping(node, allowed: ["min_count"], what: "publication") {
            if let text = reader.string(publication, "min_count", in: node) {
                if let k = Int(text), k >= 2 {
                    settings.smallCells = SmallCells(k: k)
                } else {
                    reader.report(publication["min_count"], "min_count must be a whole number of at least 2")
                }
            }
        }
        if let value = reader.string(top, "interface_language", in: root) {
            if interfaceLanguages.contains(value) {
                settings.interfaceLanguage = value
            } else {
                reader.report(top["interface_language"], "interface_language must be one of \(interfaceLanguages.joined(separator: ", "))")
            }
        }
        if let node = top["telemetry"] { parseTelemetry(node, into: &settings, reader: &reader) }
        if let value = reader.string(top, "store", in: root) {
            if !(value.hasPrefix("postgresql://") || value.hasPrefix("postgres://")) {
                reader.report(top["store"], "store must be a postgresql:// URL (without it, the workspace's own SQLite file is used)")
            } else if let problem = PostgresStore.sharedURLProblem(value) {
                // Here, not when the store opens: the refusal names this file's line (and a
                // password here is never used, however right it is).
                reader.report(top["store"], problem)
            } else {
                settings.store = value
            }
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return settings
    }

    /// `telemetry: {time_zone: ZONE, inactivity_hours: {default: N, TYPE: N}}`.
    private static func parseTelemetry(_ node: Node, into settings: inout WorkspaceSettings, reader: inout YAMLReader) {
        guard let telemetry = reader.mapping(node, allowed: ["time_zone", "inactivity_hours"], what: "telemetry") else { return }
        if let name = reader.string(telemetry, "time_zone", in: node) {
            if let zone = TimeZone(identifier: name) {
                settings.timeZone = zone
            } else {
                reader.report(telemetry["time_zone"], "unknown time zone '\(name)' (write an IANA name such as Europe/Stockholm)")
            }
        }
        guard let hoursNode = telemetry["inactivity_hours"], !hoursNode.isNull else { return }
        guard case .mapping(let mapping) = hoursNode else {
            reader.report(hoursNode, "inactivity_hours must map device types (solution ids) or 'default' to hours")
            return
        }
        var fallback: Double?
        var byType: [String: Double] = [:]
        for (keyNode, value) in mapping {
            // At most a year: a longer time without activity is no pattern of a day, and a huge
            // number stopped the study report (it is turned into whole hours there).
            guard let key = keyNode.string, case .scalar(let scalar) = value, let hours = Double(scalar.string.trimmingSpaces),
                  hours > 0, hours <= Self.longestInactivityHours else {
                reader.report(value, "inactivity_hours: '\(keyNode.string ?? "")' must be a positive number of hours, at most \(Int(Self.longestInactivityHours)) (a year)")
                continue
            }
            if key == "default" { fallback = hours } else { byType[key] = hours }
        }
        settings.inactivity = settings.inactivity.merging(defaultHours: fallback, byType: byType)
    }

    static let longestInactivityHours = 24.0 * 366

    /// Reads the workspace's file (defaults when there is none).
    public static func load(_ workspace: Workspace) throws -> WorkspaceSettings {
        try workspace.settings()
    }
}

extension Workspace {
    public var settingsFile: URL { root.appending(path: WorkspaceSettings.fileName) }

    /// The workspace's settings (defaults when there is no `fieldwork.yaml`).
    public func settings() throws -> WorkspaceSettings {
        guard FileManager.default.fileExists(atPath: settingsFile.path) else { return WorkspaceSettings() }
        return try WorkspaceSettings.parse(SourceText.read(settingsFile, path: relativePath(of: settingsFile)))
    }
}
