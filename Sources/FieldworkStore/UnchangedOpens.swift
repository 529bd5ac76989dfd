import FieldworkCore
import GRDB
import Synchronization

/// Answers a document open without a read transaction while nothing was committed since the
/// last open of that document read the revisions the caller holds.
///
/// A coder opens the same documents all day, and most opens find every revision they hold still
/// current. The transaction that confirms it (pool checkout, BEGIN, one SELECT, COMMIT) was half
/// of the open's server time. A connection of this object's own asks `PRAGMA data_version`, which
/// changes whenever any other connection commits: this process's writer, or a CLI ingest beside
/// the server. While it is unchanged, the database is the one the last read saw, so the answer is
/// the one that read would give again.
final class UnchangedOpens: Sendable {
    private struct Seen {
        let version: Int
        let stamp: DocumentStamp
        let codebookRevision: Int
        let annotationRevision: Int
        let registerRevision: Int
    }

    private let path: String
    /// Opened on first use; never writes, so every commit anywhere changes its data version.
    /// A file it cannot open is not tried again: every open then reads.
    private let probe = Mutex<Result<DatabaseQueue, any Error>?>(nil)
    private let seen = Mutex<[String: Seen]>([:])
    /// A bound on what is kept (a few dozen bytes per document opened).
    static let maximumDocuments = 20_000

    init(path: String) {
        self.path = path
    }

    /// The data version as the probe sees it now; nil if it cannot be read (then every open reads).
    func version() -> Int? {
        let opened = probe.withLock { held -> Result<DatabaseQueue, any Error> in
            if let held { return held }
            let opening = Result {
                var configuration = Configuration()
                configuration.readonly = true
                return try DatabaseQueue(path: path, configuration: configuration)
            }
            held = opening
            return opening
        }
        guard case .success(let queue) = opened else { return nil }
        return try? queue.inDatabase { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) }
    }

    /// What a read would answer, if the last read of the document happened at `version` and found
    /// exactly the revisions `request` holds; otherwise nil (read).
    func answer(_ request: DocumentOpenRequest, at version: Int) -> DocumentOpenRead? {
        guard let last = seen.withLock({ $0[request.documentID] }), last.version == version,
              request.held == last.stamp, request.heldRegister == last.registerRevision,
              !request.codings || (request.heldCodebook == last.codebookRevision && request.heldAnnotations == last.annotationRevision)
        else { return nil }
        return DocumentOpenRead(stamp: last.stamp, content: nil, codebook: nil, codebookRevision: last.codebookRevision,
                                annotationRevision: last.annotationRevision, annotations: nil,
                                registerRevision: last.registerRevision, participants: nil)
    }

    /// Remembers what a read found. `version` must be read before the read began: a commit in
    /// between changes the next version seen, so the read is never taken for an older state.
    func keep(_ read: DocumentOpenRead?, of documentID: String, at version: Int) {
        seen.withLock { seen in
            guard let read else {
                seen[documentID] = nil
                return
            }
            if seen.count >= Self.maximumDocuments { seen.removeAll() }
            seen[documentID] = Seen(version: version, stamp: read.stamp, codebookRevision: read.codebookRevision,
                                    annotationRevision: read.annotationRevision, registerRevision: read.registerRevision)
        }
    }
}
