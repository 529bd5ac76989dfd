import Foundation

/// Foundation's file errors in words a researcher reads: "no such file", "a folder, not a file",
/// rather than `Error Domain=NSCocoaErrorDomain Code=260 "…" UserInfo={NSURL=…, NSUnderlyingError=…}`
/// or "The operation could not be completed. (NSCocoaErrorDomain error 256.)".
public enum FileProblem {
    /// The problem alone ("no such file"), or nil when `error` is not a file error.
    public static func words(_ error: any Error) -> String? {
        let error = error as NSError
        guard error.domain == NSCocoaErrorDomain || error.domain == NSPOSIXErrorDomain else { return nil }
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        let posix = error.domain == NSPOSIXErrorDomain ? error.code : underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? $0.code : nil }
        switch (posix.map(Int32.init), CocoaError.Code(rawValue: error.domain == NSCocoaErrorDomain ? error.code : -1)) {
        case (ENOENT?, _), (_, .fileNoSuchFile), (_, .fileReadNoSuchFile): return "no such file"
        case (EISDIR?, _): return "a folder, not a file"
        case (EACCES?, _), (EPERM?, _), (_, .fileReadNoPermission), (_, .fileWriteNoPermission): return "permission denied"
        case (ENOSPC?, _), (_, .fileWriteOutOfSpace): return "no space left on the disk"
        case (EEXIST?, _), (_, .fileWriteFileExists): return "a file of that name exists already"
        case (let code?, _): return String(cString: strerror(code))
        default: return nil
        }
    }

    /// The whole line for a file error: `PATH: no such file`, the path as Foundation names it.
    public static func line(_ error: any Error) -> String? {
        guard let problem = words(error) else { return nil }
        let info = (error as NSError).userInfo
        let path = info[NSFilePathErrorKey] as? String ?? (info[NSURLErrorKey] as? URL)?.path
        return path.map { "\($0): \(problem)" } ?? problem
    }
}

/// A file error said in one line (`FileProblem.line`), for the command line's "Error: …".
public struct PlainFileError: Error, CustomStringConvertible {
    public let description: String

    /// `error` in plain words when it is a file error; otherwise `error` itself.
    public static func wrapping(_ error: any Error) -> any Error {
        FileProblem.line(error).map(PlainFileError.init(description:)) ?? error
    }
}
