import Foundation

/// The text inside a `.qdpx` — `project.qde` and the source texts — for checks that read
/// exports (`fieldwork redact --check`).
public enum QDPXTextEntries {
    public static func read(_ url: URL) throws -> [(name: String, text: String)] {
        let archive = try QDPXArchive.read(url)
        return [("project.qde", String(decoding: archive.project, as: UTF8.self))]
            + archive.sources.sorted { $0.key < $1.key }.map { ("sources/\($0.key)", String(decoding: $0.value, as: UTF8.self)) }
    }
}
