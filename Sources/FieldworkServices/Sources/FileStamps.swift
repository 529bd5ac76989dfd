#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FieldworkCore
import Foundation

/// A file's size and modification time, for re-ingest's quick check (`FileStamp`).
enum FileStamps {
    /// A file modified this recently is not trusted by its stamp: it could be changed again
    /// within the same tick of the file system's clock, keeping its size and modification time
    /// (git calls such index entries "racily clean"). Three seconds also cover FAT's 2 s ticks.
    static let settleNanoseconds: Int64 = 3_000_000_000

    /// The stamp of `url` as of now, or nil if it cannot be read or the file changed too
    /// recently to be trusted (then it is read and hashed, and no stamp is recorded).
    static func stamp(of url: URL, now: Date = Date()) -> FileStamp? {
        guard let stamp = current(of: url),
              stamp.modifiedNanoseconds <= Int64(now.timeIntervalSince1970 * 1e9) - settleNanoseconds else { return nil }
        return stamp
    }

    /// The size and modification time of `url` as `stat` gives them, or nil if it cannot be read.
    static func current(of url: URL) -> FileStamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), modifiedNanoseconds: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }
}
