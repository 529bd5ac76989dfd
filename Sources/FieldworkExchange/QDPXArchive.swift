import Foundation
import ZIPFoundation

/// The `.qdpx` container (REFI-QDA 1.5, section 8): a ZIP archive with `project.qde` at its top
/// and the internal files flat in `sources/`.
struct QDPXArchive {
    /// Largest internal text file read on import; the standard allows 2 GB per file, far beyond
    /// any transcript, and a bound keeps a hostile archive from exhausting memory.
    static let maximumTextSize: UInt64 = 256 << 20

    var fileName: String
    var project: Data
    /// Text files in `sources/` (plain texts, and Fieldwork's Markdown beside them), by lower-cased
    /// file name (tools differ in case, even `Sources/`).
    var sources: [String: Data]

    /// Builds the archive in memory. Entries go in the given order with one fixed date, so the
    /// same project always gives the same bytes.
    static func data(project: String, files: [(name: String, text: String)], date: Date) throws -> Data {
        try data(projectBytes: Data(project.utf8), files: files, date: date)
    }

    /// The same with the project document as bytes (tests build damaged ones).
    static func data(projectBytes: Data, files: [(name: String, text: String)], date: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add(projectBytes, at: "project.qde", to: archive, date: date)
        try archive.addEntry(with: "sources/", type: .directory, uncompressedSize: Int64(0), modificationDate: date) { _, _ in Data() }
        for file in files {
            try add(Data(file.text.utf8), at: "sources/" + file.name, to: archive, date: date)
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private static func add(_ data: Data, at path: String, to archive: Archive, date: Date) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Reads the project document and the plain-text internal files (media are not needed).
    static func read(_ url: URL) throws -> QDPXArchive {
        let name = url.lastPathComponent
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ExchangeError.unreadable(file: name, problem: FileManager.default.fileExists(atPath: url.path)
                ? "permission denied" : "no such file")
        }
        guard let archive = try? Archive(url: url, accessMode: .read) else { throw ExchangeError.notAnArchive(name) }
        var projects: [String: Data] = [:]
        var sources: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            let parts = entry.path.split(separator: "/").map(String.init).filter { $0 != "." }
            if parts.count == 1, parts[0].lowercased().hasSuffix(".qde") {
                projects[parts[0]] = try extract(entry, from: archive, name: name)
            } else if parts.count == 2, parts[0].lowercased() == "sources",
                      [".txt", ".md"].contains(where: parts[1].lowercased().hasSuffix) {
                sources[parts[1].lowercased()] = try extract(entry, from: archive, name: name)
            }
        }
        // Tools name it project.qde; QualCoder also accepts any single .qde, and so do we.
        guard let project = projects["project.qde"] ?? projects.sorted(by: { $0.key < $1.key }).first?.value else {
            throw ExchangeError.missingProject(name)
        }
        return QDPXArchive(fileName: name, project: project, sources: sources)
    }

    private static func extract(_ entry: Entry, from archive: Archive, name: String) throws -> Data {
        let file = "\(name)/\(entry.path)"
        guard entry.uncompressedSize <= maximumTextSize else {
            throw ExchangeError.damagedArchive(file: file, problem: "larger than \(maximumTextSize >> 20) MB")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > maximumTextSize { throw ExchangeError.damagedArchive(file: file, problem: "larger than its entry declares") }
            }
        } catch let error as ExchangeError {
            throw error
        } catch {
            // ZIPFoundation's errors name neither the archive nor the entry ("corruptedData").
            throw ExchangeError.damagedArchive(file: file, problem: Self.explain(error))
        }
        return data
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case Archive.ArchiveError.invalidCRC32: "damaged (its checksum does not match)"
        case Archive.ArchiveError.invalidCompressionMethod: "compressed with a method other than deflate or none"
        case Archive.ArchiveError.invalidEntryPath: "its path inside the archive is not valid"
        // ZIPFoundation's inflate errors are internal types: `corruptedData`, `invalidStream`.
        default: "damaged: its compressed data cannot be read (\(error))"
        }
    }

    /// The text file an `internal://NAME.txt` (or `.md`) path points at, if it is in the archive.
    func internalFile(_ path: String) -> Data? {
        guard path.lowercased().hasPrefix("internal://") else { return nil }
        return sources[String(path.dropFirst("internal://".count)).lowercased()]
    }
}
