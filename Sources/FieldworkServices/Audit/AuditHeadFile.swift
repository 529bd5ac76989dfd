import FieldworkCore
import Foundation

/// An audit head kept in a small file (`SEQ HASH`), for a log whose database takes no writes
/// (`AuditLog.standby`): lines cut off the end of that log are still noticed. Written while the
/// log's lock is held (`AuditLog.append`), replaced whole by a rename.
struct AuditHeadFile: AuditHeadStore {
    let url: URL

    func auditHead() async throws -> AuditHead? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, let seq = Int(parts[0]) else {
            throw AuditLogError("\(url.lastPathComponent): not an audit head (expected `SEQ HASH`)")
        }
        return AuditHead(seq: seq, hash: String(parts[1]))
    }

    func recordAuditHead(_ head: AuditHead) async throws {
        try Data("\(head.seq) \(head.hash)\n".utf8).write(to: url, options: .atomic)
    }
}
