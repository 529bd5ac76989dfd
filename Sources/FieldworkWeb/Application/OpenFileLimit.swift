#if canImport(Glibc)
import Glibc
#endif

/// The process's open-file limit, raised for a server.
///
/// Linux starts processes with a soft limit of 1,024 files while allowing far more (the hard
/// limit); every connection holds one. A server raises its soft limit to the hard one (capped),
/// as Go and nginx do, and sizes its connection cap from it, so that a thousand idle
/// connections from a misbehaving client do not keep others waiting for the idle timeout.
public enum OpenFileLimit {
    /// Files kept free for the database, its log, static files and the codings files.
    static let reserved: rlim_t = 256

    /// Raises the soft limit as far as allowed (at most 65,536) and returns the number of
    /// connections to serve at once: the files left after the reserve, at most 8,192.
    public static func raiseForServing() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 512 }
        let wanted = min(limit.rlim_max, 65_536)
        if wanted > limit.rlim_cur {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        guard limit.rlim_cur > reserved * 2 else { return Int(limit.rlim_cur / 2) }
        return Int(min(limit.rlim_cur - reserved, 8_192))
    }
}
