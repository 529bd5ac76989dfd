@testable import FieldworkServices
import Foundation
import Testing

@Suite struct ExportFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "fieldwork-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func mode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    /// Exports hold transcript text: owner-only like the database, whatever the umask, also
    /// when they replace a file that was readable by others. Nothing else is left in the folder.
    @Test func exportsAreOwnerOnlyAndLeaveNoTemporaryFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appending(path: "segments.csv")
        try Data("old".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
        try ExportFile.write("new", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try Self.mode(target) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["segments.csv"])
    }

    /// A shared file (the codebook YAML) keeps its mode when `permissions` is nil.
    @Test func aSharedFileKeepsItsMode() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appending(path: "codebook.yaml")
        try Data("a".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        try ExportFile.write("b", to: target, permissions: nil)
        #expect(try Self.mode(target) == 0o640)
    }

    /// What a killed export leaves (our temporary file, named with the dead process's id) is
    /// removed by the next export into that folder; a running process's file is left alone.
    @Test func temporaryFilesOfEndedProcessesAreCleanedUpByTheNextExport() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = ".segments.csv\(ExportFile.partialMarker)\(ended.processIdentifier)-12345"
        let running = ".matrix.csv\(ExportFile.partialMarker)1-999"   // pid 1 always runs
        let unrelated = ".notes.txt"
        for name in [abandoned, running, unrelated] {
            try Data(repeating: 0x41, count: 1 << 20).write(to: folder.appending(path: name))
        }
        try ExportFile.write("x", to: folder.appending(path: "other.csv"))
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == [running, unrelated, "other.csv"])
    }

    @Test func aWriteThatFailsSaysWhereAndWhyAndLeavesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The target is a folder: said before anything is written (the rename used to fail at the
        // end with "Is a directory"; found by a new user).
        let target = folder.appending(path: "taken")
        try FileManager.default.createDirectory(at: target.appending(path: "inside"), withIntermediateDirectories: true)
        #expect {
            try ExportFile.write("x", to: target)
        } throws: { error in
            "\(error)".hasPrefix("\(target.path) is a folder: give the path of a file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
    }
}
