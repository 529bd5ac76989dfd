@testable import FieldworkExchange
import Foundation

/// Packing and unpacking `.qdpx` files in tests, through the same archive code the commands use.
enum Archives {
    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appending(path: "fieldwork-\(UUID().uuidString)-\(name)")
    }

    static func unpack(_ data: Data) throws -> QDPXArchive {
        let url = temporaryURL("project.qdpx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try QDPXArchive.read(url)
    }

    /// A `.qdpx` file as another tool might write it: `project.qde` and `sources/` files.
    static func pack(project: String, files: [(name: String, text: String)]) throws -> URL {
        try pack(projectBytes: Data(project.utf8), files: files)
    }

    static func pack(projectBytes: Data, files: [(name: String, text: String)]) throws -> URL {
        let url = temporaryURL("foreign.qdpx")
        try QDPXArchive.data(projectBytes: projectBytes, files: files, date: Date(timeIntervalSince1970: 1_700_000_000)).write(to: url)
        return url
    }
}
