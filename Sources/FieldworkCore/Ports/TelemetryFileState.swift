/// What the store keeps of a workspace telemetry file with the import that took it in: its
/// content hash, and its size and modification time when it was hashed (nil: not recorded, as
/// for a file modified moments before, or an import from before stamps were kept). Ingest skips a
/// file whose stamp is unchanged without reading it, as it does corpus files (`FileStamp`), and
/// one whose bytes hash the same.
public struct TelemetryFileState: Sendable, Hashable {
    public var contentHash: String
    public var stamp: FileStamp?

    public init(contentHash: String, stamp: FileStamp? = nil) {
        self.contentHash = contentHash
        self.stamp = stamp
    }
}
