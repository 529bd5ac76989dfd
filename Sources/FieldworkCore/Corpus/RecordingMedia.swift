/// The recording a transcript names in its front matter (`media: recordings/int-001.m4a`): a
/// path relative to the workspace, checked here as text before anything touches the disk.
///
/// A recording never leaves the workspace: absolute paths and `..` are refused outright (the
/// file system check for symbolic links pointing out is the services' job), and only audio and
/// video types a browser plays are accepted, each with the content type it is served as.
public enum RecordingMedia {
    /// Content types by file extension (lower case).
    public static let contentTypes: [String: String] = [
        "m4a": "audio/mp4", "mp3": "audio/mpeg", "wav": "audio/wav", "ogg": "audio/ogg", "oga": "audio/ogg",
        "opus": "audio/ogg", "flac": "audio/flac", "aac": "audio/aac", "weba": "audio/webm",
        "mp4": "video/mp4", "m4v": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mov": "video/quicktime",
    ]

    /// The content type `path` is served as; nil when it is no audio or video type we know.
    public static func contentType(of path: String) -> String? {
        guard let dot = path.lastIndex(of: "."), !path[path.index(after: dot)...].contains("/") else { return nil }
        return contentTypes[path[path.index(after: dot)...].lowercased()]
    }

    /// Whether the recording is a video (shown in a `<video>` player rather than `<audio>`).
    public static func isVideo(_ path: String) -> Bool {
        contentType(of: path)?.hasPrefix("video/") ?? false
    }

    /// What is wrong with `path` as a recording's place, or nil when it is acceptable.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "media is empty (give the recording's path in the workspace, e.g. recordings/int-001.m4a)" }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") || path.contains(":") {
            return "media '\(path)' must be a path inside the workspace, relative to it (e.g. recordings/int-001.m4a)"
        }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == ".." || $0.isEmpty }) {
            return "media '\(path)' leads out of the workspace or has an empty part: use a plain relative path"
        }
        if contentType(of: path) == nil {
            let allowed = contentTypes.keys.sorted().joined(separator: ", ")
            return "media '\(path)' is not an audio or video file (use one of: \(allowed))"
        }
        return nil
    }
}
