#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Sets and reads a file's modification time to the nanosecond (`utimensat`, `stat`), so a test
/// can make an edited file look untouched or backdate a fresh one.
public enum FileTimes {
    public struct Failed: Error { public let path: String }

    public static func setModified(_ url: URL, nanoseconds: Int64) throws {
        let time = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var times = [time, time]
        guard utimensat(AT_FDCWD, url.path, &times, 0) == 0 else { throw Failed(path: url.path) }
    }

    public static func modified(_ url: URL) throws -> Int64 {
        var info = stat()
        guard stat(url.path, &info) == 0 else { throw Failed(path: url.path) }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
