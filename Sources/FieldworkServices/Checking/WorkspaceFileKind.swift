/// The kinds of file a workspace holds, each read by its own parser. `fieldwork check` and the
/// fuzz targets name them; the path convention below is the one ingest and the services use.
public enum WorkspaceFileKind: String, CaseIterable, Sendable {
    case document
    case codebook
    case participants
    case devices
    case solutions
    case actors
    case redactions
    case access
    case settings
    case workshopPlan = "workshop-plan"
    case codings
    case senml
    case telemetryCSV = "telemetry-csv"
    case webVTT = "vtt"
    case subRip = "srt"

    /// The kind a workspace-relative path has by convention, or nil when the path says nothing
    /// (a workshop plan is any YAML file, so it is only ever named explicitly).
    public static func infer(path: String) -> WorkspaceFileKind? {
        let parts = path.split(separator: "/").map(String.init)
        guard let name = parts.last?.lowercased() else { return nil }
        let folder = parts.dropLast().last
        switch name {
        case "participants.yaml": return .participants
        case "devices.yaml": return .devices
        case "solutions.yaml": return .solutions
        case "actors.yaml": return .actors
        case "redactions.yaml": return .redactions
        case "access.yaml": return .access
        default: break
        }
        // The settings sit at the workspace root; a codebook may have the same name.
        if name == WorkspaceSettings.fileName, folder == nil { return .settings }
        if name.hasSuffix(".senml.json") || (folder == "telemetry" && name.hasSuffix(".json")) { return .senml }
        switch name.split(separator: ".").last.map(String.init) {
        case "md", "markdown": return name == "readme.md" ? nil : .document
        case "jsonl": return .codings
        case "csv": return .telemetryCSV
        case "vtt": return .webVTT
        case "srt": return .subRip
        case "yaml", "yml": return folder == "codebooks" ? .codebook : nil
        default: return nil
        }
    }
}
