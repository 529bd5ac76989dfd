import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an export atomically and owner-only.
///
/// The bytes go to a temporary file of our own in the target's folder (so the rename stays on
/// one file system and is atomic), named `.NAME.fieldwork-partial-PID-RANDOM`, synced, then
/// renamed into place: a reader never sees half a file and a failed export leaves the previous
/// one intact. Foundation's `.atomic` left `.dat.nosync…` files behind when the process was
/// killed; ours are recognisable, removed on failure, and those of a process that no longer
/// runs are removed by the next export into that folder. Exports hold transcript text, so they
/// are created 0600, like the database.
public enum ExportFile {
    /// Marks our temporary files; the name also carries the writing process's id.
    static let partialMarker = ".fieldwork-partial-"

    public static func write(_ text: String, to url: URL, permissions: mode_t? = 0o600) throws {
        try write(Data(text.utf8), to: url, permissions: permissions)
    }

    /// `permissions` nil keeps the mode of the file being replaced (0644 for a new one): for
    /// files the team shares, such as the codebook YAML.
    public static func write(_ data: Data, to url: URL, permissions: mode_t? = 0o600) throws {
        try refuseFolder(url)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeAbandonedPartials(in: folder)
        var mode = permissions ?? 0o644
        var existing = stat()
        if permissions == nil, stat(url.path, &existing) == 0 { mode = existing.st_mode & 0o7777 }
        let temporary = folder.appending(path: ".\(url.lastPathComponent)\(partialMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try writeNew(data, at: temporary.path, mode: mode)
            guard rename(temporary.path, url.path) == 0 else { throw ExportFileError(path: url.path, code: errno) }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// For an export another library writes itself (a database backup): `produce` writes the
    /// temporary file at the URL it is given; it is then made owner-only, synced and renamed into
    /// place, or removed if `produce` throws. `replacing` false: an existing file at `url` is
    /// never replaced (`ExportFileExists`), checked before `produce` runs and again, atomically,
    /// when the file is put in place (a file that appeared meanwhile is kept too).
    public static func write<Result>(to url: URL, replacing: Bool = true, _ produce: (URL) async throws -> Result) async throws -> Result {
        try refuseFolder(url)
        var existing = stat()
        if !replacing, lstat(url.path, &existing) == 0 { throw ExportFileExists(path: url.path) }
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeAbandonedPartials(in: folder)
        let temporary = folder.appending(path: ".\(url.lastPathComponent)\(partialMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            let result = try await produce(temporary)
            let descriptor = open(temporary.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard descriptor >= 0 else { throw ExportFileError(path: temporary.path, code: errno) }
            defer { close(descriptor) }
            guard fchmod(descriptor, 0o600) == 0, fsync(descriptor) == 0 else { throw ExportFileError(path: temporary.path, code: errno) }
            if replacing {
                guard rename(temporary.path, url.path) == 0 else { throw ExportFileError(path: url.path, code: errno) }
            } else {
                // A hard link fails if the name exists, where rename would replace it; the
                // temporary name is then removed (below, as on any failure).
                guard link(temporary.path, url.path) == 0 else {
                    throw errno == EEXIST ? ExportFileExists(path: url.path) : ExportFileError(path: url.path, code: errno)
                }
                unlink(temporary.path)
            }
            return result
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// A folder at `url` is said at once: it "exists" (no `--force` would help) and its rename
    /// failed only at the end, with "Is a directory".
    private static func refuseFolder(_ url: URL) throws {
        var existing = stat()
        if stat(url.path, &existing) == 0, existing.st_mode & S_IFMT == S_IFDIR { throw ExportPathIsFolder(path: url.path) }
    }

    /// Creates the file (never follows or reuses an existing one), writes everything and syncs
    /// it to disk before the rename makes it visible.
    private static func writeNew(_ data: Data, at path: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw ExportFileError(path: path, code: errno) }
        defer { close(descriptor) }
        // open's mode passes through the umask; set it exactly.
        guard fchmod(descriptor, mode) == 0 else { throw ExportFileError(path: path, code: errno) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw ExportFileError(path: path, code: errno)
                }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw ExportFileError(path: path, code: errno) }
    }

    /// Removes our temporary files in `folder` whose writing process has ended (killed during
    /// an export). A file of a process still running is an export under way and is left alone.
    static func removeAbandonedPartials(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: partialMarker),
                  let owner = name[marker.upperBound...].split(separator: "-").first.flatMap({ pid_t($0) }),
                  owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
            unlink(folder.appending(path: name).path)
        }
    }
}

/// A write that the system refused, with the path and the system's reason.
public struct ExportFileError: Error, CustomStringConvertible {
    public let path: String
    public let code: Int32

    public var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}

/// An export asked not to replace a file found one there; nothing was written.
public struct ExportFileExists: Error, Equatable, CustomStringConvertible {
    public let path: String

    public var description: String { "\(path) exists; nothing was written" }
}

/// An export or backup given a folder where a file's path belongs; nothing was written.
public struct ExportPathIsFolder: Error, Equatable, CustomStringConvertible {
    public let path: String

    public var description: String { "\(path) is a folder: give the path of a file (a new name inside it, for example); nothing was written" }
}
