import Logging

/// The server's log on standard error, in swift-log's `StreamLogHandler` format, with its
/// metadata formatted only for the lines that are written.
///
/// Why not `StreamLogHandler` itself: it formats its metadata again whenever the metadata is
/// set, and Hummingbird sets a request id on every request's logger, so a server that logs
/// nothing at its level (`notice`) formatted metadata on every request: about 2 % of the CPU
/// of a coding write at full speed (`perf`, `write_bench`).
struct ServerLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider) {
        self.label = label
        self.metadataProvider = metadataProvider
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        // Lines are rare (errors, or every request at `info`): the stream handler is made per line.
        var stream = StreamLogHandler.standardError(label: label, metadataProvider: metadataProvider)
        stream.logLevel = logLevel
        stream.metadata = metadata
        stream.log(event: event)
    }
}
