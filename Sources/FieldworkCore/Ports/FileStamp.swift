/// A file's size and modification time as the file system reported them when it was last
/// ingested: re-ingest trusts a file whose stamp is unchanged without reading it (git's index
/// and rsync's quick check do the same). An edit that keeps both the size and the modification
/// time is not seen; `fieldwork ingest --rehash` reads every file.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    /// Nanoseconds since 1970, as precise as the file system keeps them.
    public var modifiedNanoseconds: Int64

    public init(size: Int64, modifiedNanoseconds: Int64) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// A stamp as a store keeps it, in two columns that are both NULL until one is recorded.
    public init?(size: Int64?, modifiedNanoseconds: Int64?) {
        guard let size, let modifiedNanoseconds else { return nil }
        self.init(size: size, modifiedNanoseconds: modifiedNanoseconds)
    }
}
